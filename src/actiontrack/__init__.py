"""actiontrack: Swedish meeting minutes in, tracked action items out."""

__version__ = "0.1.0"

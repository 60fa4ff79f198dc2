"""Errors that the CLI turns into one sentence on stderr and an exit status."""

from __future__ import annotations


class ActionTrackError(Exception):
    """Base class: the message is a sentence for the user."""

    exit_code = 1


class UsageError(ActionTrackError):
    exit_code = 2


class InputError(ActionTrackError):
    """A value that cannot be used: empty text, an item that is not open, ..."""


class NotFoundError(ActionTrackError):
    pass


class DateError(ActionTrackError):
    """A date expression that is not understood, or that contradicts itself."""


class PersonError(ActionTrackError):
    """An unknown or ambiguous name."""


class Interrupted(ActionTrackError):
    """Ctrl-C, after part of the work was written (what was written is said)."""

    exit_code = 130


class DocumentError(ActionTrackError):
    """A document that cannot be read as minutes."""


class StorageError(ActionTrackError):
    """The database cannot be opened, written or upgraded."""


class ConfigError(ActionTrackError):
    """A configuration file that cannot be read, or a setting with a wrong value."""

from actiontrack.entry import main  # as the console script: --lang is known before the help texts

if __name__ == "__main__":
    main()

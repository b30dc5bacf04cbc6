"""``python -m tracker`` runs the command-line interface."""

from tracker.cli import main

if __name__ == "__main__":  # parser processes import this module again: never run the CLI there
    main()

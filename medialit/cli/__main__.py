"""``python -m medialit.cli``: the same as the ``medialit`` command."""
import sys

from medialit.cli import main

if __name__ == "__main__":
    sys.exit(main())

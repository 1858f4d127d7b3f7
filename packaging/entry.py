"""The built program's entry point (both executables): what ``python -m studyapp`` runs."""

import sys

from studyapp.app import main

if __name__ == "__main__":
    sys.exit(main())

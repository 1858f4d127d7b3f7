import sys

from studyapp.app import main

sys.exit(main())

"""``python -m privacyapp`` is the same as the ``privacyapp`` command."""

import sys

from privacyapp.cli import main

sys.exit(main())

"""`python -m app` runs the `bestellkompass` command."""

import sys

from app.cli import main

sys.exit(main())

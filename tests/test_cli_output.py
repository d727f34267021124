"""The command line never fails on a console whose encoding lacks a character (Windows cp1252/cp850)."""

from __future__ import annotations

import os
import subprocess
import sys


def test_help_on_an_ascii_console_replaces_instead_of_failing() -> None:
    env = dict(os.environ, PYTHONIOENCODING="ascii")
    done = subprocess.run([sys.executable, "-m", "app", "--help"], capture_output=True, env=env,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr.decode("ascii", "replace")
    assert b"Bestellvorschl?ge" in done.stdout

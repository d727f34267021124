"""Bundled data: translations, icons, demo shops, calendar data and their attributions."""

from pathlib import Path

RESOURCES_DIR = Path(__file__).resolve().parent

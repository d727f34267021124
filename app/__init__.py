"""Bestellkompass desktop app: a thin Qt layer over `forecasting` and `calendars`."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("bestellkompass")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.0.0"

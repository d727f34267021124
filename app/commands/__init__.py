"""Headless subcommands of `bestellkompass`, one module each."""

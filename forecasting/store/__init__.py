"""The shop file: the only package that talks to SQLite. One module per table family; the
connection is private to this package (tests/test_architecture.py checks that no other module runs
SQL)."""

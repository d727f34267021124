"""Import sales history from till exports and spreadsheets (see docs/import.md).

`sniff.detect_mapping` guesses how a file is written; `engine.read_file` / `plan_import` /
`write_import` read, validate, reconcile and write it in one shop transaction.
"""

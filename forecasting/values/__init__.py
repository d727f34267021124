"""Value types of a shop (plain dataclasses): what the store reads and writes, operations take
and return, and the window and the command line show."""

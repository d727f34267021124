"""One function per user action, shared by the window and the command line: validate, write in
one transaction, bump the versions, and return what changed (with the inverse edit where the
action can be undone)."""

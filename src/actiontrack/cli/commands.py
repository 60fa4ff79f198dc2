"""Which module holds each command, in the order of --help.

A command's module is imported only when that command is run (or --help lists them all), so
`track open` does not pay for importing the modules of the twenty other commands.
tests/test_startup.py checks this table against the commands the modules register.
"""

COMMANDS = {
    **dict.fromkeys(["add", "open", "done", "reopen", "drop", "edit", "note", "show", "date"], "items"),
    **dict.fromkeys(["extract", "import"], "documents"),
    **dict.fromkeys(["agenda", "digest", "export"], "agenda"),
    **dict.fromkeys(["template", "mall"], "template"),
    **dict.fromkeys(["undo", "log"], "history"),
    **dict.fromkeys(["init", "check", "backup"], "database"),
    "meeting": "meetings",
    **dict.fromkeys(["people", "person"], "people"),
    "config": "config",
}

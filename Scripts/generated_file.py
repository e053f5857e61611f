"""Shared by the scripts that generate Swift data files: write the file, or with --check report whether
the committed file is current (exit 1 when it is not), so tests and CI can catch a stale table."""
import os
import sys


def write_or_check(path, text, check, root, command, summary=""):
    relative = os.path.relpath(path, root)
    if check:
        current = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
        if current != text:
            print("%s is out of date; run %s" % (relative, command))
            sys.exit(1)
        print("%s is up to date" % relative)
        return
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
    print("wrote %s%s" % (relative, " (%s)" % summary if summary else ""))

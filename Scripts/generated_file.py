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


# Where the CC0 training sentences are, beside the repository: the default of every script that reads them.
REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TRAINING_DIRECTORY = os.path.join(REPOSITORY, "..", "shared", "corpora", "train")


def training_file(directory, language, building):
    """The path of `language`'s CC0 training sentences in `directory`; exits with a message naming what
    they are needed for (`building`, such as "the model") when the file is missing."""
    path = os.path.join(directory, language + ".txt")
    if not os.path.exists(path):
        sys.exit("missing %s: the CC0 training sentences are needed to build %s" % (path, building))
    return path


def render_byte_tables(comment_lines, enum_name, tables):
    """A Swift enum whose `tables` maps a code page's name to what bytes 0x80-0xFF decode to, eight
    values per line, below `comment_lines` (the file's header and the enum's doc comment, as written)."""
    lines = list(comment_lines) + ["enum %s {" % enum_name, "    static let tables: [String: [UInt16]] = ["]
    for name, entries in tables.items():
        lines.append('        "%s": [' % name)
        for row in range(0, 128, 8):
            lines.append("            " + " ".join("0x%04X," % value for value in entries[row:row + 8]))
        lines.append("        ],")
    lines.append("    ]")
    lines.append("}")
    return "\n".join(lines) + "\n"

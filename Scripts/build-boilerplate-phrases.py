#!/usr/bin/env python3
"""Generate Sources/IngestHTML/Generated/BoilerplatePhrases.swift from Data/boilerplate-phrases.tsv.

Standard library only, deterministic: the same TSV always gives a byte-identical
Swift file (entries are sorted by code point, the file ends with one newline).

The TSV is validated first; on any problem every error is printed as
`path:line: message` and the script exits 2 without writing anything.

Usage:
    python3 Scripts/build-boilerplate-phrases.py           # (re)write the Swift file
    python3 Scripts/build-boilerplate-phrases.py --check   # exit 1 if the Swift file is missing or stale
    python3 Scripts/build-boilerplate-phrases.py --tsv FILE --out FILE

Exit codes: 0 ok (or up to date with --check), 1 stale/missing with --check, 2 invalid input.
"""

import argparse
import os
import sys
import unicodedata

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_TSV = os.path.join(REPO, "Data", "boilerplate-phrases.tsv")
DEFAULT_OUT = os.path.join(REPO, "Sources", "IngestHTML", "Generated", "BoilerplatePhrases.swift")

HEADER = ["kind", "language", "phrase", "category", "source"]
KINDS = ("line", "counter", "prefix")
LANGUAGES = ("bg", "pl", "uk", "en")
CATEGORIES = (
    "share", "read-more", "comments", "views", "likes", "skip-link", "navigation", "cookies",
    "related", "newsletter", "tags", "print", "pagination", "author", "date-label", "ads",
)


class InvalidInput(Exception):
    """The TSV failed validation; args[0] is the list of messages."""


def normalise(phrase):
    """Case-fold with str.lower() and collapse runs of whitespace to one space.

    The result is NFC again, because lower-casing can in rare cases (e.g. U+0130)
    produce a decomposed sequence, and Swift compares strings by canonical
    equivalence: two keys that differ only in normalisation would trap at run
    time as duplicate Set elements.
    """
    return unicodedata.normalize("NFC", " ".join(phrase.lower().split()))


def has_control(text):
    """True if text holds a control, format, surrogate, private-use, unassigned or line/paragraph separator."""
    return any(unicodedata.category(ch)[0] == "C" or unicodedata.category(ch) in ("Zl", "Zp") for ch in text)


def read_rows(source_path, path):
    """Return ([(lineno, kind, language, phrase, category, source)], [row errors]).

    Raises InvalidInput if the file as a whole is unreadable (encoding, header, line endings).
    source_path is opened; path is how messages name it.
    """
    try:
        with open(source_path, "rb") as f:
            raw = f.read()
    except OSError as e:
        raise InvalidInput(["%s: cannot read: %s" % (path, e.strerror or e)])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InvalidInput(["%s: not valid UTF-8 (byte offset %d)" % (path, e.start)])
    if text.startswith("\ufeff"):
        raise InvalidInput(["%s:1: starts with a byte-order mark; save as UTF-8 without BOM" % path])
    if "\r" in text:
        raise InvalidInput(["%s: contains carriage returns; use LF line endings" % path])
    if not text:
        raise InvalidInput(["%s: empty file" % path])
    if not text.endswith("\n"):
        raise InvalidInput(["%s: the last line must end with a newline" % path])

    lines = text[:-1].split("\n")
    errors = []
    if lines[0].split("\t") != HEADER:
        errors.append("%s:1: header must be %r, got %r" % (path, "\t".join(HEADER), lines[0]))
        raise InvalidInput(errors)

    rows = []
    for lineno, line in enumerate(lines[1:], start=2):
        where = "%s:%d" % (path, lineno)
        if not line.strip():
            errors.append("%s: empty line" % where)
            continue
        fields = line.split("\t")
        if len(fields) != len(HEADER):
            errors.append("%s: expected %d tab-separated fields, got %d" % (where, len(HEADER), len(fields)))
            continue
        bad = False
        for name, value in zip(HEADER, fields):
            if value == "":
                errors.append("%s: empty %s" % (where, name))
                bad = True
            elif value != value.strip():
                errors.append("%s: %s has leading or trailing whitespace: %r" % (where, name, value))
                bad = True
            elif unicodedata.normalize("NFC", value) != value:
                errors.append("%s: %s is not NFC-normalised: %r" % (where, name, value))
                bad = True
            elif has_control(value):
                errors.append("%s: %s contains a control or invisible formatting character: %r" % (where, name, value))
                bad = True
        if bad:
            continue
        kind, language, phrase, category, source = fields
        if kind not in KINDS:
            errors.append("%s: unknown kind %r (expected one of: %s)" % (where, kind, ", ".join(KINDS)))
            continue
        if language not in LANGUAGES:
            errors.append("%s: unknown language %r (expected one of: %s)" % (where, language, ", ".join(LANGUAGES)))
            continue
        if category not in CATEGORIES:
            errors.append("%s: unknown category %r (expected one of: %s)" % (where, category, ", ".join(CATEGORIES)))
            continue
        if kind == "counter" and not phrase.isalpha():
            # BoilerplateLines reads the word after a number as a run of letters.
            errors.append("%s: a counter must be a single word of letters only, got %r" % (where, phrase))
            continue
        rows.append((lineno, kind, language, phrase, category, source))
    return rows, errors


def collect(rows, path, errors):
    """Return {kind: sorted list of normalised phrases}; raise InvalidInput if errors (given or found) exist."""
    errors = list(errors)
    seen = {}
    by_kind = {kind: [] for kind in KINDS}
    for lineno, kind, _language, phrase, _category, _source in rows:
        key = normalise(phrase)
        if (kind, key) in seen:
            errors.append("%s:%d: duplicate %s %r (same as line %d after lower-casing and whitespace collapsing)"
                          % (path, lineno, kind, phrase, seen[(kind, key)]))
            continue
        seen[(kind, key)] = lineno
        by_kind[kind].append(key)
    # A prefix that starts with another prefix can never match anything the shorter one does not.
    prefixes = sorted(by_kind["prefix"])
    for longer in prefixes:
        for shorter in prefixes:
            if shorter != longer and longer.startswith(shorter):
                errors.append("%s:%d: prefix %r is redundant: it starts with prefix %r (line %d)"
                              % (path, seen[("prefix", longer)], longer, shorter, seen[("prefix", shorter)]))
    if errors:
        raise InvalidInput(errors)
    return {kind: sorted(keys) for kind, keys in by_kind.items()}


def swift_literal(text):
    """A Swift string literal for text: \\ and \" escaped, anything invisible as \\u{...}."""
    out = ['"']
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif has_control(ch):
            out.append("\\u{%X}" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def entries(keys):
    if not keys:
        return ["    ]"]  # "[\n    ]" is a valid empty collection literal
    return ["        %s," % swift_literal(key) for key in keys] + ["    ]"]


def render(by_kind):
    lines = [
        "// Generated by Scripts/build-boilerplate-phrases.py from Data/boilerplate-phrases.tsv. Do not edit.",
        "",
        "/// Page-furniture phrases in Bulgarian, Polish, Ukrainian and English (see Data/README.md for provenance).",
        "enum BoilerplatePhrases {",
        "    /// Whole lines that are furniture, lower-cased, whitespace collapsed.",
        "    static let lines: Set<String> = [",
    ]
    lines += entries(by_kind["line"])
    lines += [
        "    /// Words that after a number make a line a counter, lower-cased.",
        "    static let counterWords: Set<String> = [",
    ]
    lines += entries(by_kind["counter"])
    lines += [
        "    /// Lines that start with one of these (lower-cased) and are short are furniture.",
        "    static let prefixes: [String] = [",
    ]
    lines += entries(by_kind["prefix"])
    lines += ["}", ""]
    return "\n".join(lines).encode("utf-8")


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--tsv", default=DEFAULT_TSV, help="input TSV (default: Data/boilerplate-phrases.tsv)")
    parser.add_argument("--out", default=DEFAULT_OUT,
                        help="Swift file to write (default: Sources/IngestHTML/Generated/BoilerplatePhrases.swift)")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if the Swift file is missing or differs from what would be generated")
    args = parser.parse_args(argv)

    shown_tsv = os.path.relpath(args.tsv, REPO) if args.tsv.startswith(REPO + os.sep) else args.tsv
    shown_out = os.path.relpath(args.out, REPO) if args.out.startswith(REPO + os.sep) else args.out
    try:
        rows, row_errors = read_rows(args.tsv, shown_tsv)
        by_kind = collect(rows, shown_tsv, row_errors)
    except InvalidInput as e:
        for message in e.args[0]:
            print("error: " + message, file=sys.stderr)
        print("error: %s is invalid; %s was not written" % (shown_tsv, shown_out), file=sys.stderr)
        return 2

    content = render(by_kind)
    try:
        with open(args.out, "rb") as f:
            current = f.read()
    except FileNotFoundError:
        current = None

    counts = ", ".join("%d %s" % (len(by_kind[k]), k) for k in KINDS)
    if args.check:
        if current == content:
            print("%s is up to date (%s)" % (shown_out, counts))
            return 0
        state = "missing" if current is None else "out of date"
        print("error: %s is %s; run python3 Scripts/build-boilerplate-phrases.py" % (shown_out, state),
              file=sys.stderr)
        return 1

    if current == content:
        print("%s unchanged (%s)" % (shown_out, counts))
        return 0
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    tmp = args.out + ".tmp"
    with open(tmp, "wb") as f:
        f.write(content)
    os.replace(tmp, args.out)
    print("wrote %s (%s)" % (shown_out, counts))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

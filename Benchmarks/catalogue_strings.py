#!/usr/bin/env python3
"""Every interface string of the installed gettext catalogues in some languages, once, as clean text.

Reads /usr/share/locale/<language>/LC_MESSAGES/*.mo and writes each translation, and for the default
languages (bg, pl, uk) its English original too, the first time it is seen: real text in these languages
that was never misread, so any change `ingest repair` makes to a line is a false repair.

    python3 Benchmarks/catalogue_strings.py > /tmp/catalogues.jsonl
    .build/release/ingest repair --jsonl < /tmp/catalogues.jsonl | grep -c '"repairs":\\[{'
    python3 Benchmarks/catalogue_strings.py --languages ru,be,mk,sr,cs,sk --no-originals > /tmp/decoys.jsonl
    python3 Benchmarks/catalogue_strings.py --languages all --except pl --no-originals > /tmp/others.jsonl

Writes one JSON string per line (the input `ingest repair --jsonl` reads).
"""
import argparse
import gettext
import glob
import json
import os
import sys


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--languages", default="bg,pl,uk", help="comma-separated locale names, or 'all'")
    parser.add_argument("--except", dest="excluded", default="", help="locales left out of 'all', comma-separated")
    parser.add_argument("--locale-dir", default="/usr/share/locale")
    parser.add_argument("--no-originals", action="store_true", help="leave out the English originals")
    args = parser.parse_args()
    seen = set()
    languages = args.languages.split(",")
    if args.languages == "all":
        excluded = set(args.excluded.split(","))
        languages = sorted(name for name in os.listdir(args.locale_dir)
                           if name not in excluded and os.path.isdir(f"{args.locale_dir}/{name}/LC_MESSAGES"))
    for language in languages:
        for path in sorted(glob.glob(f"{args.locale_dir}/{language}/LC_MESSAGES/*.mo")):
            try:
                with open(path, "rb") as catalogue:
                    translations = gettext.GNUTranslations(catalogue)
            except (OSError, UnicodeDecodeError, ValueError, IndexError):  # a damaged catalogue or header
                continue
            for original, translation in translations._catalog.items():
                if isinstance(original, tuple):
                    original = original[0]
                texts = [translation] if args.no_originals else [translation, original]
                for text in texts:
                    if isinstance(text, str) and text.strip() and text not in seen:
                        seen.add(text)
                        sys.stdout.write(json.dumps(text) + "\n")


if __name__ == "__main__":
    main()

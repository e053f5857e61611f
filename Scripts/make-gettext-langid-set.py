#!/usr/bin/env python3
"""Writes a language-identification test set from text the model was never built from: the translated
messages of the machine's gettext catalogues (/usr/share/locale/<iso>/LC_MESSAGES/*.mo), in the layout
../shared/tools/langid_peers.py reads (`--data DIR --kinds sentences`).

Interface messages are short and full of technical words, the kind of text a page's menus, buttons and
error messages hold, and nothing like the benchmark's treebank sentences. Each language's texts are its
catalogues' translations (English: the message ids of the Polish catalogues), with format directives,
markup, entities and access-key underscores taken out; kept are the distinct ones of 25 to 200 characters
and at least four words that differ from their message id (for Serbian, those with Cyrillic letters, as its
catalogues mix both scripts). Each language is shuffled with a fixed seed and cut to `--per-language`.
Word pairs and single words are cut from those messages as the benchmark's are from its sentences: from
each message, two neighbouring words and one word, picked with a fixed seed (words of two or more letters).

Which catalogues a machine holds depends on its packages, so the set is only the same on machines with the
same ones. Usage:

    python3 Scripts/make-gettext-langid-set.py --out DIR [--per-language 400] [--languages de,fr,...] [--join N]
    python3 ../shared/tools/langid_peers.py --data DIR --detectors lingua-high --modes cand \
        --cmd 'ingest=.build/release/ingest detect --jsonl'
"""
import argparse
import gettext
import glob
import os
import random
import re

LANGUAGES = ["bg", "pl", "uk", "ru", "mk", "be", "sr", "cs", "sk"]
# A word: a letter, then letters, apostrophes and hyphens.
WORD = re.compile(r"[^\W\d_][^\W\d_'’ʼ-]*")
# printf and Python format directives, braces, tags, entities, access-key underscores, escaped newlines.
NOISE = re.compile(r"%[-+ #0]*\d*(?:\.\d+)?[a-zA-Z]|%\([^)]*\)[a-z]|\{[^}]*\}|<[^>]+>|&[a-z]+;|_(?=\w)|\\n")


def clean(text):
    return re.sub(r"\s+", " ", NOISE.sub(" ", text)).strip()


def messages(language, ids=False):
    """The distinct cleaned translations (or message ids) of a language's catalogues that qualify."""
    found = set()
    for path in sorted(glob.glob(f"/usr/share/locale/{language}/LC_MESSAGES/*.mo")):
        try:
            with open(path, "rb") as stream:
                catalogue = gettext.GNUTranslations(stream)._catalog
        except (OSError, UnicodeDecodeError):
            continue
        for key, value in catalogue.items():
            message_id = key[0] if isinstance(key, tuple) else key
            if not message_id:
                continue
            text, other = (clean(message_id), clean(value)) if ids else (clean(value), clean(message_id))
            if not ids and text == other:
                continue
            if 25 <= len(text) <= 200 and len(text.split()) >= 4:
                found.add(text)
    return sorted(found)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True)
    parser.add_argument("--per-language", type=int, default=400)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--languages", default=",".join(LANGUAGES + ["en"]),
                        help="comma-separated codes of the catalogues to read (default the ten of the language model); "
                        "others, such as de,fr,pt, make a set of text in none of the model's languages")
    parser.add_argument("--join", type=int, default=1,
                        help="each text of sentences/ is this many consecutive messages, joined by a space (a paragraph)")
    args = parser.parse_args()
    if args.join < 1:
        parser.error("--join needs 1 or more")
    for kind in ["sentences", "word-pairs", "single-words"]:
        os.makedirs(os.path.join(args.out, kind), exist_ok=True)
    random.seed(args.seed)
    cuts = random.Random(args.seed + 1)
    for language in args.languages.split(","):
        texts = messages("pl", ids=True) if language == "en" else messages(language)
        if language == "sr":
            texts = [text for text in texts if re.search("[\u0400-\u04ff]", text)]
        random.shuffle(texts)
        texts = texts[: args.per_language]
        pairs, words = [], []
        for text in texts:
            found = [word for word in WORD.findall(text) if len(word) >= 2]
            if len(found) >= 2:
                start = cuts.randrange(len(found) - 1)
                pairs.append(found[start] + " " + found[start + 1])
            if found:
                words.append(cuts.choice(found))
        joined = [" ".join(texts[start:start + args.join]) for start in range(0, len(texts) - args.join + 1, args.join)]
        for kind, lines in [("sentences", joined), ("word-pairs", pairs), ("single-words", words)]:
            with open(os.path.join(args.out, kind, f"{language}.txt"), "w", encoding="utf-8") as out:
                out.write("\n".join(lines) + "\n")
        print(f"{language}: {len(texts)} messages, {len(joined)} texts, {len(pairs)} pairs, {len(words)} words")


if __name__ == "__main__":
    main()

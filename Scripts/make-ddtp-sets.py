#!/usr/bin/env python3
"""Makes evaluation sets of another kind of real text: the translated package descriptions of Debian (the
Debian Description Translation Project), in Polish, Ukrainian, Russian, Czech, Slovak, Serbian and English
(bookworm has none in Bulgarian, Macedonian or Belarusian). Nothing here is shipped or trained on; the
sets only measure how the repair and the language identifier do on technical prose they were never tuned on.

- `--langid-out DIR`: DIR/{sentences,word-pairs,single-words}/<iso>.txt, 1,000 of each a language, cut as
  `Scripts/build-language-model.py --dev-out` cuts its held-out sentences, for
  `../shared/tools/langid_peers.py --data DIR`.
- `--text-out DIR`: DIR/{pl,uk,en}.txt, every sentence (English: the first 20,000), for
  `ENC_TEXT_DIR=DIR ../shared/tools/mojibake_gen.py` (Bulgarian then comes from the gettext catalogues).
- `--clean-out FILE`: every sentence, every word and every pair of neighbouring words of all seven
  languages, one JSON string a line, for `ingest repair --jsonl`, which must leave each one as it is.

The descriptions come from apt's lists; fetch them first:

    apt-get update -o Acquire::Languages="pl,uk,ru,cs,sk,sr,en"   # and install lz4

A description is cut into paragraphs (" ." lines, list items) and those into sentences at a full stop,
question or exclamation mark before a capital. A sentence is kept when it has 25 to 200 characters and at
least four words, three quarters of its characters are letters, it holds no URL, path, e-mail or markup,
and it was not seen before in any case. Deterministic (each language's sentences are shuffled with a
fixed seed). Usage:

    python3 Scripts/make-ddtp-sets.py [--lists /var/lib/apt/lists] [--langid-out DIR] [--text-out DIR] [--clean-out FILE]
"""
import argparse
import glob
import json
import os
import random
import re
import subprocess
import sys
import unicodedata

LANGUAGES = ("pl", "uk", "ru", "cs", "sk", "sr", "en")
SEED = 2612
PER_KIND = 1000
ENGLISH_TEXTS = 20000
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZА-ЯЁІЇЄҐЂЋЉЊЏŁŚŻŹĆČŠŽŘĎŤŇ])")
NOT_PROSE = re.compile(r"https?:|www\.|@|/|\\|=|_|\{|<")
STRIP = ".,;:!?«»\"()–—„“”"


def descriptions(path):
    """The long descriptions of a Translation file, each as its lines without the leading space."""
    text = subprocess.run(["lz4", "-dc", path], capture_output=True, check=True).stdout.decode("utf-8", "replace")
    current = None
    for line in text.split("\n"):
        if line.startswith("Description-"):
            if current:
                yield current
            current = []
        elif line.startswith(" ") and current is not None:
            current.append(line[1:])
        else:
            if current:
                yield current
            current = None
    if current:
        yield current


def paragraphs(lines):
    paragraph = []
    for line in lines:
        if line.strip() == "." or line.startswith(" ") or line.lstrip().startswith(("*", "-", "+", "o ")):
            if paragraph:
                yield " ".join(paragraph)
            paragraph = []
            if line.strip() != ".":
                continue
        else:
            paragraph.append(line.strip())
    if paragraph:
        yield " ".join(paragraph)


def sentences(path):
    seen = set()
    found = []
    for lines in descriptions(path):
        for paragraph in paragraphs(lines):
            for sentence in SENTENCE_END.split(paragraph):
                sentence = unicodedata.normalize("NFC", " ".join(sentence.split()))
                words = [word for word in sentence.split() if any(character.isalpha() for character in word)]
                letters = sum(character.isalpha() for character in sentence)
                if not 25 <= len(sentence) <= 200 or NOT_PROSE.search(sentence) or letters < 0.75 * len(sentence) or len(words) < 4:
                    continue
                key = sentence.lower()
                if key not in seen:
                    seen.add(key)
                    found.append(sentence)
    random.Random(SEED).shuffle(found)
    return found


def write_langid(directory, language, lines):
    kinds = {"sentences": [], "word-pairs": [], "single-words": []}
    for index, line in enumerate(lines[:PER_KIND]):
        tokens = [token for token in line.split() if any(character.isalpha() for character in token)]
        kinds["sentences"].append(line)
        if len(tokens) >= 2:
            start = index % (len(tokens) - 1)
            kinds["word-pairs"].append(" ".join(token.strip(STRIP) for token in tokens[start:start + 2]))
        if tokens:
            kinds["single-words"].append(tokens[index % len(tokens)].strip(STRIP))
    for kind, items in kinds.items():
        os.makedirs(os.path.join(directory, kind), exist_ok=True)
        with open(os.path.join(directory, kind, language + ".txt"), "w", encoding="utf-8") as handle:
            handle.write("".join(item + "\n" for item in items if item))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lists", default="/var/lib/apt/lists")
    parser.add_argument("--langid-out")
    parser.add_argument("--text-out")
    parser.add_argument("--clean-out")
    args = parser.parse_args()
    clean = []
    for language in LANGUAGES:
        paths = sorted(glob.glob(os.path.join(args.lists, "*_dists_bookworm_main_i18n_Translation-%s.lz4" % language)))
        if not paths:
            sys.exit("no Translation-%s in %s: run apt-get update -o Acquire::Languages=... first" % (language, args.lists))
        found = sentences(paths[0])
        if language == "en":
            found = found[:ENGLISH_TEXTS]
        print("%s: %d sentences" % (language, len(found)))
        if args.langid_out:
            write_langid(args.langid_out, language, found)
        if args.text_out and language in ("pl", "uk", "en"):
            os.makedirs(args.text_out, exist_ok=True)
            with open(os.path.join(args.text_out, language + ".txt"), "w", encoding="utf-8") as handle:
                handle.write("".join(sentence + "\n" for sentence in found))
        clean.extend(found)
        for sentence in found:
            tokens = sentence.split()
            for index, token in enumerate(tokens):
                clean.append(token.strip(".,;:!?\"()"))
                if index + 1 < len(tokens):
                    clean.append(token + " " + tokens[index + 1])
    if args.clean_out:
        with open(args.clean_out, "w", encoding="utf-8") as handle:
            handle.write("".join(json.dumps(text) + "\n" for text in clean if text))


if __name__ == "__main__":
    main()

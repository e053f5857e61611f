#!/usr/bin/env python3
"""Clean sentences dressed in web typography, to count what mojibake repair changes in clean text.

Takes the first N sentences of each of ../shared/corpora/train/{bg,pl,uk,en}.txt and, with a fixed seed,
puts a no-break space after every one-letter word, wraps one word in quotes („…“, „…”, «…» or “…”) and
glues a sign or a dash to another (with or without a no-break space before it). Every line it writes is
clean text: any change `ingest repair` makes to one is a false repair.

    python3 Benchmarks/web_typography.py > /tmp/typo.jsonl
    .build/release/ingest repair --jsonl < /tmp/typo.jsonl | grep -c '"repairs":\\[{'

Writes one JSON string per line (the input `ingest repair --jsonl` reads), languages in the order above.
"""
import argparse
import json
import os
import random
import re
import sys

QUOTES = [("„", "“"), ("„", "”"), ("«", "»"), ("“", "”")]
SIGNS = ["\u00a0–", "\u00a0—", " –", "…", "\u00a0%", "™", "®", "°C", "\u00a0€"]


def dress(line: str, rng: random.Random) -> str:
    text = re.sub(r"(?<!\S)(\w)\s", lambda match: match.group(1) + "\u00a0", line)
    words = text.split(" ")
    if len(words) > 2:
        quoted = rng.randrange(len(words))
        opening, closing = rng.choice(QUOTES)
        words[quoted] = opening + words[quoted] + closing
        signed = rng.randrange(len(words))
        words[signed] = words[signed] + rng.choice(SIGNS)
    return " ".join(words)


def main() -> None:
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--train", default=os.path.join(here, "..", "..", "shared", "corpora", "train"))
    parser.add_argument("--per-language", type=int, default=15000)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    for language in ["bg", "pl", "uk", "en"]:
        with open(os.path.join(args.train, f"{language}.txt"), encoding="utf-8") as source:
            lines = [line.strip() for line in source if line.strip()][: args.per_language]
        for line in lines:
            sys.stdout.write(json.dumps(dress(line, rng)) + "\n")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Measures how well the entities stage puts inflected place names back in their base form, on the
lemma-annotated treebanks in ../shared/corpora/conllu (UD test parts of bg, pl, uk and en).

A token counts when it is a proper noun (UPOS PROPN) whose form differs from its lemma other than in case
(Bulgarian lemmas are lower-cased, which is no inflection), and whose lemma
is a place the gazetteer knows (a city or country's base form in that language, or its English name).
It is normalised when `ingest extract` finds a place entity over the token whose `local` equals the
lemma (ignoring case). Each sentence goes to `ingest extract --jsonl` with its treebank's language.

    python3 Scripts/measure-place-lemmas.py [--ingest .build/release/ingest] [--conllu DIR]

Prints one line per language: known inflected tokens, found as places, normalised to the lemma, share.
"""
import argparse
import json
import os
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
GAZETTEER = os.path.join(ROOT, "Sources", "IngestEntities", "Generated", "GazetteerData.swift")
COLUMNS = {"bg": 4, "pl": 5, "uk": 6}


def known_places(language):
    names = set()
    inside = False
    with open(GAZETTEER, encoding="utf-8") as handle:
        for line in handle:
            if "static let places" in line:
                inside = True
                continue
            if inside and line.startswith('"""#'):
                break
            if inside:
                fields = line.rstrip("\n").split("\t")
                names.add(fields[3].lower())
                if language in COLUMNS and fields[COLUMNS[language]]:
                    names.add(fields[COLUMNS[language]].lower())
    return names


def sentences(path):
    text, tokens = None, []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if line.startswith("# text = "):
                text = line[len("# text = "):]
            elif not line:
                if text is not None:
                    yield text, tokens
                text, tokens = None, []
            elif not line.startswith("#"):
                fields = line.split("\t")
                if fields[0].isdigit():
                    tokens.append((fields[1], fields[2], fields[3]))
    if text is not None:
        yield text, tokens


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ingest", default=os.path.join(ROOT, ".build", "release", "ingest"))
    parser.add_argument("--conllu", default=os.path.join(ROOT, "..", "shared", "corpora", "conllu"))
    args = parser.parse_args()
    print("language  inflected-known  found  normalised  share")
    for name in sorted(os.listdir(args.conllu)):
        if not name.endswith(".conllu"):
            continue
        language = name[:2]
        places = known_places(language)
        batch, targets = [], []
        for number, (text, tokens) in enumerate(sentences(os.path.join(args.conllu, name))):
            position = 0
            for form, lemma, upos in tokens:
                start = text.find(form, position)
                if start < 0:
                    continue
                position = start + len(form)
                if upos == "PROPN" and form.lower() != lemma.lower() and lemma.lower() in places:
                    # Offsets in Unicode scalars, as spans are: Python indexes code points, the same thing.
                    targets.append((number, start, start + len(form), lemma))
            batch.append(json.dumps({"id": str(number), "text": text, "language": language}, ensure_ascii=False))
        output = subprocess.run(
            [args.ingest, "extract", "--jsonl"], input="\n".join(batch) + "\n", capture_output=True, text=True, check=True
        ).stdout.splitlines()
        entities = [json.loads(line)["entities"] for line in output]
        found = normalised = 0
        for number, start, end, lemma in targets:
            for entity in entities[number]:
                if entity["type"] == "place" and entity["span"]["start"] <= start and entity["span"]["end"] >= end:
                    found += 1
                    if entity["normalised"].get("local", "").lower() == lemma.lower():
                        normalised += 1
                    break
        share = normalised / len(targets) if targets else 0.0
        print("%-8s  %15d  %5d  %10d  %5.1f%%" % (language, len(targets), found, normalised, 100 * share))


if __name__ == "__main__":
    main()

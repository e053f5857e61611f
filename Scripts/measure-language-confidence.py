#!/usr/bin/env python3
"""Measures how far the language detector's confidence can be trusted: how often an answer given with a
confidence in a band is right, band by band, so that a pipeline can choose its `min_confidence` knowing what
it keeps and what it loses.

DATA is laid out as the benchmark is, DATA/{sentences,word-pairs,single-words}/<iso>.txt, one text a line,
every line in the file's language: ../shared/bench/langid, or the held-out tenth that
`Scripts/build-language-model.py --dev-out DIR` writes. Each file goes to `ingest detect --jsonl` once; an
answer counts for its best candidate and that candidate's score, as `langid_peers.py --modes cand` counts
it, and a text with no candidate at all (no letters) is counted apart.

    python3 Scripts/measure-language-confidence.py DATA [--ingest .build/release/ingest] [-- DETECT-OPTIONS]

Prints, for each kind of text, one row per band: answers, how many were right, the share right and the mean
confidence, then what a `min_confidence` of 0.5 leaves: the share of right answers kept and of wrong ones
turned into `und`.
"""
import argparse
import json
import os
import subprocess
import sys

KINDS = ("sentences", "word-pairs", "single-words")
LANGUAGES = ("bg", "pl", "uk", "en", "ru", "mk", "be", "sr", "cs", "sk")
# Lower edges of the confidence bands; the last band ends at 1 inclusive.
BANDS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99)
THRESHOLD = 0.5


def answers(ingest, path, options):
    """(best candidate, its score) for each line of the file, None where there is no candidate."""
    with open(path, "rb") as handle:
        done = subprocess.run([ingest, "detect", "--jsonl"] + options, stdin=handle, capture_output=True, check=False)
    if done.returncode != 0:
        sys.exit("%s detect failed on %s (exit %d): %s" % (ingest, path, done.returncode, done.stderr.decode(errors="replace")[-300:]))
    found = []
    for line in done.stdout.decode("utf-8").splitlines():
        candidates = json.loads(line)["candidates"]
        found.append((candidates[0]["language"], candidates[0]["score"]) if candidates else None)
    return found


def band(score):
    return max(index for index, edge in enumerate(BANDS) if score >= edge)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", help="DATA/{sentences,word-pairs,single-words}/<iso>.txt")
    parser.add_argument("--ingest", default=".build/release/ingest")
    parser.add_argument("options", nargs="*", help="after --: options for ingest detect (--model F, --weights ...)")
    args = parser.parse_args()
    for kind in KINDS:
        counts = [[0, 0, 0.0] for _ in BANDS]  # answers, right, summed confidence
        empty = 0
        for language in LANGUAGES:
            path = os.path.join(args.data, kind, language + ".txt")
            if not os.path.exists(path):
                continue
            for answer in answers(args.ingest, path, args.options):
                if answer is None:
                    empty += 1
                    continue
                best, score = answer
                row = counts[band(score)]
                row[0] += 1
                row[1] += best == language
                row[2] += score
        total = sum(row[0] for row in counts)
        if not total:
            continue
        print("%s: %d answers, %d without a candidate" % (kind, total, empty))
        print("| confidence | answers | right | right % | mean confidence % |")
        print("| --- | ---: | ---: | ---: | ---: |")
        for index, (number, right, summed) in enumerate(counts):
            if number:
                upper = BANDS[index + 1] if index + 1 < len(BANDS) else 1.0
                closing = "]" if index + 1 == len(BANDS) else ")"
                print("| [%.2f, %.2f%s | %d | %d | %.1f | %.1f |" % (BANDS[index], upper, closing, number, right,
                                                               100 * right / number, 100 * summed / number))
        right = sum(row[1] for row in counts)
        kept_right = sum(row[1] for index, row in enumerate(counts) if BANDS[index] >= THRESHOLD)
        wrong = total - right
        dropped_wrong = sum(row[0] - row[1] for index, row in enumerate(counts) if BANDS[index] < THRESHOLD)
        print("min_confidence %.1f keeps %.1f %% of the right answers and turns %.1f %% of the wrong ones into und\n" % (
            THRESHOLD, 100 * kept_right / max(1, right), 100 * dropped_wrong / max(1, wrong)))


if __name__ == "__main__":
    main()

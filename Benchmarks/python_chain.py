#!/usr/bin/env python3
"""The usual Python chain over a WARC, for comparison with `ingest run` on the same file.

For each HTTP 200 response record: trafilatura extracts the main text (with metadata), ftfy repairs it,
and lingua detects its language among Bulgarian, Polish, Ukrainian and English. That is the work
`ingest run` does in its strip, repair and language steps; ingest's entities and events stages have no
counterpart here, so the comparison is generous to the chain.

The WARC is read with the standard library (gzip reads multi-member files transparently), so the
reader is not what is measured. Prints one JSON line: pages, seconds, pages/s, MB/s of response
payload, peak RSS. Single process, so the figures are per core.

    python3 Benchmarks/python_chain.py FILE.warc.gz [--limit N]

Needs: pip install trafilatura ftfy lingua-language-detector
"""

import argparse
import gzip
import json
import resource
import sys
import time

import ftfy
import trafilatura
from lingua import Language, LanguageDetectorBuilder


def responses(path, limit):
    opener = gzip.open if path.endswith(".gz") else open
    count = 0
    with opener(path, "rb") as handle:
        while limit is None or count < limit:
            line = handle.readline()
            if not line:
                return
            if not line.strip():
                continue
            if not line.startswith(b"WARC/"):
                raise SystemExit("not a WARC record: %r" % line[:40])
            fields = {}
            while True:
                line = handle.readline()
                if not line.strip():
                    break
                name, _, value = line.decode("utf-8", "replace").partition(":")
                fields[name.strip().lower()] = value.strip()
            block = handle.read(int(fields["content-length"]))
            if fields.get("warc-type") != "response":
                continue
            head, _, body = block.partition(b"\r\n\r\n")
            status = head.split(b"\r\n", 1)[0].split(b" ")
            if len(status) < 2 or status[1] != b"200":
                continue
            count += 1
            yield fields.get("warc-target-uri"), body


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("warc")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    detector = LanguageDetectorBuilder.from_languages(
        Language.BULGARIAN, Language.POLISH, Language.UKRAINIAN, Language.ENGLISH).with_preloaded_language_models().build()
    # Models are loaded before the clock starts, so the figure is steady-state throughput, not start-up.
    pages = 0
    payload = 0
    kept = 0
    started = time.perf_counter()
    for url, body in responses(args.warc, args.limit):
        pages += 1
        payload += len(body)
        text = trafilatura.extract(body, url=url, with_metadata=True)
        if not text:
            continue
        text = ftfy.fix_text(text)
        detector.detect_language_of(text)
        kept += 1
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({
        "tool": "trafilatura+ftfy+lingua", "pages": pages, "with_text": kept, "seconds": round(seconds, 2),
        "pages_per_s": round(pages / seconds, 1), "mb_per_s": round(payload / seconds / 1e6, 2),
        "peak_rss_mb": round(peak, 1),
    }))


if __name__ == "__main__":
    sys.exit(main())

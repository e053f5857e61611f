#!/usr/bin/env python3
"""Build the WARC fixtures in Fixtures/warc/ from the HTML fixtures in Fixtures/pages/.

Standard library only and deterministic (fixed record ids, dates and gzip headers), so running it twice
gives byte-identical files. The records follow WARC/1.0 as Common Crawl writes it: a warcinfo record,
then request, response and metadata records per page; in the .warc.gz every record is its own gzip member.

Files written:
  pages.warc            plain WARC
  pages.warc.gz         the same records, one gzip member per record
  truncated.warc.gz     pages.warc.gz cut off inside the member of a late response record
  not-a-warc.warc       text that is not WARC at all
  pages.txt             the page files the WARCs hold, one per line (tests count on it, since pages/ grows)
  bomb.warc             a response whose gzip content coding expands 64 KB into 64 MB + 1 byte of zeros

The responses cover what a reader meets in real crawls: plain 200 responses, one stored with chunked
transfer coding and gzip content coding, a 404 and a 301 (counted skips), and the fixture pages that
fail later stages (empty, binary) so dead letters come from the pipeline, not the reader.

Usage:
    python3 Scripts/make-warc-fixtures.py            # writes into <repo>/Fixtures/warc
    python3 Scripts/make-warc-fixtures.py --out DIR
    python3 Scripts/make-warc-fixtures.py --bench N --out FILE.warc.gz
                                                     # N response records cycling through the 17 seed
                                                     # and site pages, each with its own URL, for benchmarks
    python3 Scripts/make-warc-fixtures.py --bench N --pages DIR --out FILE.warc.gz
                                                     # the same, cycling through DIR's pages (repeatable)
"""

import argparse
import gzip
import hashlib
import io
import os
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PAGES = os.path.join(REPO, "Fixtures", "pages")
DEFAULT_OUT = os.path.join(REPO, "Fixtures", "warc")
DATE = "2026-11-01T03:04:05Z"


def record_id(*parts):
    digest = hashlib.sha1("/".join(parts).encode()).hexdigest()
    return "<urn:uuid:%s-%s-%s-%s-%s>" % (digest[:8], digest[8:12], digest[12:16], digest[16:20], digest[20:32])


def warc_record(kind, fields, block):
    head = ["WARC/1.0", "WARC-Type: " + kind]
    head += ["%s: %s" % item for item in fields]
    head.append("Content-Length: %d" % len(block))
    return ("\r\n".join(head) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def http_response(status, reason, headers, body):
    lines = ["HTTP/1.1 %d %s" % (status, reason)] + ["%s: %s" % item for item in headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def chunked(body, size=700):
    out = b""
    for start in range(0, len(body), size):
        piece = body[start:start + size]
        out += b"%x\r\n" % len(piece) + piece + b"\r\n"
    return out + b"0\r\n\r\n"


def page_records(url, body, status=200, reason="OK", extra_headers=(), key=None):
    key = key or url
    request = ("GET / HTTP/1.1\r\nHost: %s\r\nUser-Agent: fixture-crawler\r\n\r\n" % url.split("/")[2]).encode()
    headers = [("Content-Type", "text/html"), ("Content-Length", str(len(body)))] + list(extra_headers)
    response = http_response(status, reason, headers, body)
    metadata = b"fetchTimeMs: 42\r\n"
    return [
        warc_record("request", [("WARC-Date", DATE), ("WARC-Record-ID", record_id(key, "request")),
                                ("Content-Type", "application/http; msgtype=request"), ("WARC-Target-URI", url)], request),
        warc_record("response", [("WARC-Date", DATE), ("WARC-Record-ID", record_id(key, "response")),
                                 ("Content-Type", "application/http; msgtype=response"), ("WARC-Target-URI", url)], response),
        warc_record("metadata", [("WARC-Date", DATE), ("WARC-Record-ID", record_id(key, "metadata")),
                                 ("Content-Type", "application/warc-fields"), ("WARC-Target-URI", url)], metadata),
    ]


def warcinfo(name):
    info = b"software: ingest fixtures\r\nformat: WARC File Format 1.0\r\n"
    return warc_record("warcinfo", [("WARC-Date", DATE), ("WARC-Record-ID", record_id(name, "warcinfo")),
                                    ("WARC-Filename", name), ("Content-Type", "application/warc-fields")], info)


def fixture_pages():
    names = sorted(n for n in os.listdir(PAGES) if n.endswith(".html"))
    return [(n, open(os.path.join(PAGES, n), "rb").read()) for n in names]


def fixture_records():
    records = [warcinfo("pages.warc.gz")]
    for name, body in fixture_pages():
        records += page_records("https://warc.example/%s" % name, body)
    # A response stored as sent with chunked transfer coding and gzip content coding.
    name, body = fixture_pages()[-1]
    compressed = gzip_bytes(body)
    stored = chunked(compressed)
    request, response, metadata = page_records("https://warc.example/encoded/" + name, body)
    response = warc_record("response", [("WARC-Date", DATE), ("WARC-Record-ID", record_id("encoded", name)),
                                        ("Content-Type", "application/http; msgtype=response"),
                                        ("WARC-Target-URI", "https://warc.example/encoded/" + name)],
                           http_response(200, "OK", [("Content-Type", "text/html; charset=utf-8"),
                                                     ("Transfer-Encoding", "chunked"), ("Content-Encoding", "gzip")], stored))
    records += [request, response, metadata]
    records += page_records("https://warc.example/missing.html", b"<html><body>Not found</body></html>", 404, "Not Found")
    records += page_records("https://warc.example/moved", b"", 301, "Moved Permanently",
                            [("Location", "https://warc.example/elsewhere")])
    return records


def gzip_bytes(data):
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0, compresslevel=6) as handle:
        handle.write(data)
    return buffer.getvalue()


def write_fixtures(out):
    os.makedirs(out, exist_ok=True)
    records = fixture_records()
    with open(os.path.join(out, "pages.warc"), "wb") as handle:
        handle.write(b"".join(records))
    with open(os.path.join(out, "pages.txt"), "w") as handle:
        handle.write("".join(name + "\n" for name, _ in fixture_pages()))
    members = [gzip_bytes(record) for record in records]
    with open(os.path.join(out, "pages.warc.gz"), "wb") as handle:
        handle.write(b"".join(members))
    # Cut inside the member of the fifth response from the end, half-way through it.
    responses = [i for i, record in enumerate(records) if b"WARC-Type: response" in record[:40]]
    cut_member = responses[-5]
    prefix = b"".join(members[:cut_member])
    with open(os.path.join(out, "truncated.warc.gz"), "wb") as handle:
        handle.write(prefix + members[cut_member][: len(members[cut_member]) // 2])
    bomb = gzip_bytes(b"\0" * ((64 << 20) + 1))
    bomb_response = http_response(200, "OK", [("Content-Type", "text/html"), ("Content-Encoding", "gzip")], bomb)
    with open(os.path.join(out, "bomb.warc"), "wb") as handle:
        handle.write(warc_record("response", [("WARC-Date", DATE), ("WARC-Record-ID", record_id("bomb")),
                                              ("Content-Type", "application/http; msgtype=response"),
                                              ("WARC-Target-URI", "https://warc.example/bomb.html")], bomb_response))
    with open(os.path.join(out, "not-a-warc.warc"), "wb") as handle:
        handle.write(b"<html><body>This is an HTML page saved with the wrong name.</body></html>\n")


def directory_pages(directories):
    """The .html and .htm files of the directories, each directory's in sorted order."""
    pages = []
    for directory in directories:
        names = sorted(n for n in os.listdir(directory) if n.endswith((".html", ".htm")))
        pages += [(n, open(os.path.join(directory, n), "rb").read()) for n in names]
    return pages


def write_bench(path, count, directories=()):
    if directories:
        pages = directory_pages(directories)
    else:
        pages = [(n, b) for n, b in fixture_pages() if n.startswith(("seed-", "site-"))]
    if not pages:
        sys.exit("no pages to put in the WARC")
    with open(path, "wb") as handle:
        handle.write(gzip_bytes(warcinfo(os.path.basename(path))))
        for index in range(count):
            name, body = pages[index % len(pages)]
            # Spread the pages over many sites, as a crawl would, so per-site state stays realistic.
            url = "https://site-%d.example/%d/%s" % (index % 997, index, name)
            request, response, metadata = page_records(url, body, key="bench-%d" % index)
            handle.write(gzip_bytes(request) + gzip_bytes(response) + gzip_bytes(metadata))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=None)
    parser.add_argument("--bench", type=int, default=None)
    parser.add_argument("--pages", action="append", default=[],
                        help="with --bench: cycle through this directory's .html and .htm pages (repeatable) instead "
                        "of the 17 seed and site fixtures")
    args = parser.parse_args()
    if args.pages and args.bench is None:
        sys.exit("--pages goes with --bench")
    if args.bench is not None:
        if not args.out:
            sys.exit("--bench needs --out FILE.warc.gz")
        write_bench(args.out, args.bench, args.pages)
    else:
        write_fixtures(args.out or DEFAULT_OUT)


if __name__ == "__main__":
    main()

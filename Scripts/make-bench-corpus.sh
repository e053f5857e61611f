#!/usr/bin/env bash
# Writes a corpus of N pages (default 10000) for memory and throughput runs, by cycling through the
# fixture pages: Fixtures/generated/corpus-N/NNNNN-<fixture>.html. Prints the directory.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10000}
out="Fixtures/generated/corpus-$count"
rm -rf "$out" && mkdir -p "$out"
mapfile -t pages < <(ls Fixtures/pages/*.html | sort)
for ((i = 0; i < count; i++)); do
  page=${pages[$((i % ${#pages[@]}))]}
  cp "$page" "$out/$(printf '%05d' "$i")-$(basename "$page")"
done
echo "$out"

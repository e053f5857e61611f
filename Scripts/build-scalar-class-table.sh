#!/usr/bin/env bash
# Writes Sources/IngestText/Generated/ScalarClassTable.swift: the flags the mojibake repairer reads for
# each character below U+2600 (letter, case, script, at home in these languages…), as the functions in
# Sources/IngestText/Repair answer them from the Swift standard library's Unicode data. Shipping the table
# spares every start-up the property look-ups that make it. Deterministic for a given toolchain; the test
# it runs fails when the committed table differs from what the functions answer, so a toolchain with
# newer Unicode data shows up in `swift test`.
set -euo pipefail
cd "$(dirname "$0")/.."
INGEST_WRITE_SCALAR_CLASS_TABLE=1 swift test --filter ScalarClassTableTests

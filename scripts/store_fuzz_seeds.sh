#!/usr/bin/env bash
# Makes the seed corpus of fuzz/store_fuzz.cpp (fuzz/corpus/store/): a one-document story store
# and its blobs, each prefixed with the harness's target byte (0 analysis, 1 story, 2 store
# read-only, 3 store for writing). Needs a built chronograph and the sqlite3 shell.
#   scripts/store_fuzz_seeds.sh build/chronograph fuzz/corpus/store
set -euo pipefail
bin=${1:-build/chronograph}
out=${2:-fuzz/corpus/store}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
printf 'Talks were held in Geneva on May 12. They ended a day later, after the strike.\n' > "$work/talks.txt"
"$bin" ingest --store "$work/s.db" "$work/talks.txt" --dct 2025-06-05 --quiet
"$bin" correct --store "$work/s.db" hide talks:e1 --quiet || true   # a correction row too
"$bin" query --store "$work/s.db" between 2025-05 2025-06 >/dev/null  # fills the story cache
sqlite3 "$work/s.db" 'VACUUM'
sqlite3 "$work/s.db" "SELECT writefile('$work/analysis.bin', analysis) FROM documents LIMIT 1" >/dev/null
sqlite3 "$work/s.db" "SELECT writefile('$work/story.bin', story) FROM story_cache LIMIT 1" >/dev/null
{ printf '\0'; cat "$work/analysis.bin"; } > "$out/seed-analysis"
{ printf '\1'; cat "$work/story.bin"; } > "$out/seed-story"
{ printf '\2'; cat "$work/s.db"; } > "$out/seed-store-read"
{ printf '\3'; cat "$work/s.db"; } > "$out/seed-store-write"
ls -l "$out"

#!/usr/bin/env bash
# The store commands as a user runs them: ingest, re-ingest, build/query --store, correct, remove,
# and their exit codes. Usage: cli_store_test.sh CHRONOGRAPH SAMPLES-DIR STORE-TEST-DATA-DIR
set -u
bin=$1
samples=$2
data=$3
source "$(dirname "$0")/../e2e/lib.sh"
db="$work/story.db"

check "ingest samples" expect_code 0 "$bin" ingest --store "$db" "$samples"
check "five added" grep -q "5 added, 0 replaced, 0 unchanged, 0 failed" "$work/err"
check "re-ingest unchanged" expect_code 0 "$bin" ingest --store "$db" "$samples"
check "five unchanged" grep -q "0 added, 0 replaced, 5 unchanged, 0 failed" "$work/err"
check "ingest follow-ups" expect_code 0 "$bin" ingest --store "$db" "$data/v1" "$data/extra" --quiet

# the store's story is the story of one build over the same documents, byte for byte
check "build --store" expect_code 0 "$bin" build --store "$db" --out "$work/s" --format json,dot --quiet
check "build inputs" expect_code 0 "$bin" build "$samples" "$data/v1" "$data/extra" --out "$work/b" --format json,dot --quiet
check "same json" cmp -s "$work/s/story.json" "$work/b/story.json"
check "same dot" cmp -s "$work/s/story.dot" "$work/b/story.dot"

# query reads a store as it reads a story.json
check "query graph" expect_code 0 "$bin" query "$work/b/story.json" between 2025-06-01 2025-06-07 --format json
cp "$work/out" "$work/q1"
check "query --store" expect_code 0 "$bin" query --store "$db" between 2025-06-01 2025-06-07 --format json
check "same answer" cmp -s "$work/q1" "$work/out"
check "query without graph -> 2" expect_code 2 "$bin" query between 2025-06-01

# corrections: hide the first event; it is gone after a rebuild with one more version
event=$(grep -o '"id": "ev-[0-9a-f]*"' "$work/s/story.json" | head -1 | cut -d'"' -f4)
check "an event id" test -n "$event"
check "correct hide" expect_code 0 "$bin" correct --store "$db" hide "$event"
check "correct unknown -> 2" expect_code 2 "$bin" correct --store "$db" hide ev-00000000
check "correct bad date -> 2" expect_code 2 "$bin" correct --store "$db" pin "$event" tomorrow
check "correct list" expect_code 0 "$bin" correct --store "$db" list
check "one correction" test "$(wc -l <"$work/out")" -eq 1
check "replace follow-up" expect_code 0 "$bin" ingest --store "$db" "$data/v2"
check "one replaced" grep -q "0 added, 1 replaced, 0 unchanged, 0 failed" "$work/err"
check "build after correction" expect_code 0 "$bin" build --store "$db" --out "$work/c" --format json --quiet
check "hidden event gone" bash -c "! grep -q '\"$event\"' '$work/c/story.json'"
check "undo" expect_code 0 "$bin" correct --store "$db" undo 1
check "undo unknown -> 1" expect_code 1 "$bin" correct --store "$db" undo 1

# remove
check "remove" expect_code 0 "$bin" remove --store "$db" followup analysts
check "remove unknown -> 1" expect_code 1 "$bin" remove --store "$db" followup
check "build after remove" expect_code 0 "$bin" build --store "$db" --out "$work/r" --format json --quiet
check "back to the samples" bash -c "'$bin' build '$samples' --out '$work/o' --format json --quiet && cmp -s '$work/o/story.json' '$work/r/story.json'"

# errors
check "missing store -> 4" expect_code 4 "$bin" build --store "$work/none.db" --out "$work/x"
echo "not a database, just text that is long enough to be looked at by sqlite" >"$work/text.db"
check "not a store -> 4" expect_code 4 "$bin" ingest --store "$work/text.db" "$samples"
check "nothing readable -> 4" expect_code 4 "$bin" ingest --store "$db" "$work/nope.txt"

finish

#!/usr/bin/env bash
# Scale-out equivalence (docs/scale-out.md): the documents split into 4 shards, each shard run
# through `extract --jsonl --analysis` by a separate process, and the outputs reduced by `merge`
# give exactly the story of one `build` over all documents: same bytes in JSON and DOT, and a
# store whose story is the same again.
#   shard_merge_test.sh CHRONOGRAPH SAMPLES_DIR [SHARED_DATA_DIR]
# With SHARED_DATA_DIR, the TEXT of 8 news-silver documents (with their DCT) joins the samples.
set -u
bin=$1
samples=$2
shared=${3:-}
source "$(dirname "$0")/lib.sh"

inputs=("$samples")
if [[ -n $shared && -d $shared/news-silver ]]; then
  mkdir -p "$work/silver"
  entries=()
  for tml in $(ls "$shared"/news-silver/*.tml | sort | head -8); do
    name=$(basename "$tml" .tml)
    # TEXT without inline tags, XML entities decoded; the DCT from the CREATION_TIME TIMEX3.
    sed -n '/<TEXT>/,/<\/TEXT>/p' "$tml" | sed -e 's/<[^>]*>//g' -e 's/&lt;/</g' -e 's/&gt;/>/g' \
      -e 's/&quot;/"/g' -e "s/&apos;/'/g" -e 's/&amp;/\&/g' > "$work/silver/$name.txt"
    dct=$(grep -o '<TIMEX3[^>]*CREATION_TIME[^>]*>' "$tml" | grep -o 'value="[0-9-]*"' | head -1 | cut -d'"' -f2)
    entries+=("{\"file\": \"$name.txt\", \"dct\": \"$dct\", \"source\": \"AFP\"}")
  done
  (IFS=,; echo "{\"documents\": [${entries[*]}]}") > "$work/silver/manifest.json"
  inputs+=("$work/silver")
  echo "with 8 news-silver documents"
fi

# one build over everything
check "build" "$bin" build "${inputs[@]}" --out "$work/one" --format json,dot --quiet

# map: records -> 4 shards -> one extract process each (one thread, as a streaming task runs)
"$bin" records "${inputs[@]}" --quiet > "$work/all.jsonl"
check "records: one line per document" test "$(wc -l < "$work/all.jsonl")" -eq "$(grep -o '"path": ' "$work/one/story.json" | wc -l)"
split -n l/4 "$work/all.jsonl" "$work/shard."
check "4 shards" test "$(ls "$work"/shard.* | wc -l)" -eq 4
mkdir -p "$work/parts"
n=0
for shard in "$work"/shard.*; do
  check "extract $(basename "$shard")" bash -c "'$bin' extract --jsonl --analysis -j 1 < '$shard' > '$work/parts/part-0000$n'"
  n=$((n + 1))
done
touch "$work/parts/_SUCCESS"  # as Hadoop leaves it: merge skips it

# reduce, in a shuffled order of parts: the order must not matter
check "merge" "$bin" merge $(ls "$work"/parts/part-* | sort -r) --store "$work/story.db" --out "$work/merged" \
  --format json,dot --quiet
check "merge: same story.json as one build" cmp "$work/one/story.json" "$work/merged/story.json"
check "merge: same story.dot as one build" cmp "$work/one/story.dot" "$work/merged/story.dot"
check "merge: a directory of parts works alike" "$bin" merge "$work/parts" --out "$work/merged-dir" --quiet
check "merge: directory gives the same story" cmp "$work/one/story.json" "$work/merged-dir/story.json"
check "store of the merge: same story" "$bin" build --store "$work/story.db" --out "$work/stored" --format json --quiet
check "store of the merge: same bytes" cmp "$work/one/story.json" "$work/stored/story.json"

# merge refuses what it cannot reduce, with a clear message and exit code
"$bin" extract --jsonl < "$work/shard.aa" > "$work/plain.jsonl"
"$bin" merge "$work/plain.jsonl" --out "$work/x" >/dev/null 2>"$work/err"
check "lines without --analysis -> 4" test $? -eq 4
check "lines without --analysis: says so" grep -q -- "--analysis" "$work/err"
head -1 "$work/parts/part-00000" | sed 's/"analysis":"..../"analysis":"@@@@/' > "$work/corrupt.jsonl"
"$bin" merge "$work/corrupt.jsonl" "$work/parts" --out "$work/y" --quiet 2>"$work/err"
check "a corrupt analysis -> 1, the rest merged" test $? -eq 1
check "a corrupt analysis: named" grep -q "corrupt.jsonl:1" "$work/err"
"$bin" merge "$work/parts" --quiet >/dev/null 2>&1
check "neither --store nor --out -> 2" test $? -eq 2

finish

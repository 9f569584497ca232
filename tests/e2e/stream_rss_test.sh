#!/usr/bin/env bash
# Streaming memory of `extract --jsonl`: peak RSS stays under the limit of issue 9 (300 MB) and
# does not grow with the input. Two inputs, ~1 MB and ~4 MB of samples records; GNU time's
# maximum resident set size of each run. (docs/scale-out.md has the figures of larger runs.)
#   stream_rss_test.sh CHRONOGRAPH SAMPLES_DIR
set -u
bin=$1
samples=$2
[[ -x /usr/bin/time ]] || { echo "GNU time (/usr/bin/time) is missing: skipped"; exit 77; }
source "$(dirname "$0")/lib.sh"
limit_kb=$((300 * 1024))
growth_kb=$((48 * 1024))

"$bin" records "$samples" --quiet > "$work/one.jsonl"
for k in $(seq 40); do cat "$work/one.jsonl"; done > "$work/small.jsonl"
for k in $(seq 4); do cat "$work/small.jsonl"; done > "$work/large.jsonl"
declare -A rss
for size in small large; do
  /usr/bin/time -f %M -o "$work/$size.rss" "$bin" extract --jsonl -j 2 -q < "$work/$size.jsonl" > "$work/$size.out"
  check "extract $size: exit 0" test $? -eq 0
  check "extract $size: one line per record" test "$(wc -l < "$work/$size.out")" -eq "$(wc -l < "$work/$size.jsonl")"
  rss[$size]=$(tail -1 "$work/$size.rss")
  echo "     $size: $(wc -c < "$work/$size.jsonl") bytes in, peak RSS ${rss[$size]} kB"
  check "extract $size: peak RSS under 300 MB" test "${rss[$size]}" -lt "$limit_kb"
done
check "peak RSS flat: 4x the input adds under 48 MB" test $((rss[large] - rss[small])) -lt "$growth_kb"

finish

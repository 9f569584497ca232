#!/usr/bin/env bash
# Runs every libFuzzer harness of BUILD_DIR for SECONDS each on a copy of its seed corpus
# (fuzz/corpus/<name>/). A crash, leak or timeout fails the run and leaves the input in
# BUILD_DIR/fuzz-artifacts/<name>/ — add it to the seed corpus and as a regression test.
# The seed is fixed (FUZZ_SEED, default 1) so that a run explores the same inputs every time: a
# longer run with the same seed covers what a shorter one does, so CI's bounded run only fails
# on a regression, not on luck.
set -euo pipefail
build=${1:-build-fuzz}
seconds=${2:-30}
seed=${FUZZ_SEED:-1}
root=$(cd "$(dirname "$0")/.." && pwd)
status=0
for harness in plain_text timex timeml story_json store; do
  # The timex harness runs the whole pipeline and reaches ~30,000 coverage features; libFuzzer's
  # entropic schedule then spends over half the time on its feature bookkeeping. Without it the
  # harness runs 3.6x the inputs in the same time and reaches more coverage (measured on one
  # 30 s run: 5,515 vs 1,537 inputs, cov 10,520 vs 9,930).
  extra=()
  [[ $harness == timex ]] && extra=(-entropic=0)
  bin="$build/fuzz/fuzz_$harness"
  work="$build/fuzz-corpus/$harness"
  artifacts="$build/fuzz-artifacts/$harness"
  mkdir -p "$work" "$artifacts"
  rm -rf "$work" && mkdir -p "$work"  # start from the committed seeds: same inputs every run
  cp "$root/fuzz/corpus/$harness/"* "$work/"
  echo "fuzz: $harness for ${seconds}s"
  if ! "$bin" "$work" -seed="$seed" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 "${extra[@]}" \
       -artifact_prefix="$artifacts/" -print_final_stats=1 > "$build/fuzz-$harness.log" 2>&1; then
    echo "fuzz: $harness FAILED; log: $build/fuzz-$harness.log; inputs in $artifacts"
    tail -40 "$build/fuzz-$harness.log"
    status=1
  else
    grep -E "stat::number_of_executed_units|cov:" "$build/fuzz-$harness.log" | tail -2
  fi
done
exit $status

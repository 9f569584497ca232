#!/usr/bin/env bash
# The CLI as a user runs it: outputs, exit codes, error messages, atomic writes, streaming mode.
set -u
bin=$1
samples=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
check() {  # check NAME CONDITION...
  local name=$1; shift
  if "$@"; then echo "ok   $name"; else echo "FAIL $name"; failures=$((failures + 1)); fi
}
expect_code() {  # expect_code WANT CMD...
  local want=$1; shift
  "$@" >"$work/out" 2>"$work/err"
  local got=$?
  [[ $got == "$want" ]] || { echo "  exit code $got, wanted $want; stderr:"; sed 's/^/    /' "$work/err"; return 1; }
}

# build on the samples writes every requested format
check "build samples" expect_code 0 "$bin" build "$samples" --out "$work/g" --format json,dot,svg,png --quiet
for ext in json dot svg png; do check "story.$ext written" test -s "$work/g/story.$ext"; done
check "png signature" bash -c "head -c 8 '$work/g/story.png' | od -An -tx1 | grep -q '89 50 4e 47 0d 0a 1a 0a'"
check "svg closes" grep -q '</svg>' "$work/g/story.svg"
check "json schema version" grep -q '"chronograph": 1' "$work/g/story.json"
check "no temp files left" bash -c "! ls '$work/g' | grep -q '\.tmp\.'"

# deterministic: the same input gives byte-identical text outputs
"$bin" build "$samples" --out "$work/g2" --format json,dot,svg --quiet
for ext in json dot svg; do check "deterministic $ext" cmp -s "$work/g/story.$ext" "$work/g2/story.$ext"; done

# --per-document writes one file per document
check "per-document" expect_code 0 "$bin" build "$samples" --out "$work/pd" --format json --per-document --quiet
check "per-document files" test -s "$work/pd/000_f26358c494caa0d0.json"

# errors name the file and map to documented exit codes
check "missing file -> 4" expect_code 4 "$bin" build "$work/nope.txt" --out "$work/x"
check "missing file named" grep -q "nope.txt: no such file" "$work/err"
mkdir -p "$work/empty"
check "empty dir -> 4" expect_code 4 "$bin" build "$work/empty" --out "$work/x"
check "empty dir named" grep -q "no .txt documents" "$work/err"
printf 'Fine text.\nBad \xff byte.\n' > "$work/bad.txt"
printf 'Talks were held in Geneva on May 12.\n' > "$work/good.txt"
check "invalid UTF-8 -> 1" expect_code 1 "$bin" build "$work/bad.txt" "$work/good.txt" --dct 2025-06-05 --out "$work/b" --format json
check "invalid UTF-8 named with line" grep -q "bad.txt:2: invalid UTF-8 at byte" "$work/err"
check "the good document still written" grep -q "good" "$work/b/story.json"
check "--lenient accepts it" expect_code 0 "$bin" build "$work/bad.txt" --lenient --dct 2025-06-05 --out "$work/c" --format json --quiet
check "bad --dct -> 2" expect_code 2 "$bin" build "$work/good.txt" --dct 2025-02-30 --out "$work/x"
check "bad --dct named" grep -q -- "--dct" "$work/err"
check "unknown format -> 2" expect_code 2 "$bin" build "$work/good.txt" --format gif --out "$work/x"
check "no DCT warns" expect_code 0 "$bin" build "$work/good.txt" --out "$work/nd" --format json
check "no DCT warning text" grep -q "no document creation time" "$work/err"
touch "$work/notadir"
check "unwritable out -> 4" expect_code 4 "$bin" build "$work/good.txt" --dct 2025-06-05 --out "$work/notadir/sub"
check "--help teaches" bash -c "'$bin' build --help | grep -q Example"
check "no command -> 2" expect_code 2 "$bin"

# streaming mode: one line in, one line out, bad lines reported and skipped
printf '%s\n' '{"id":"a","text":"Talks were held in Geneva on May 12.","dct":"2025-06-05"}' \
  'not json' '{"id":"c","text":"The call took place on Thursday.","dct":"2025-06-05"}' \
  '{"id":"d","text":"No date here."}' > "$work/in.jsonl"
check "jsonl bad line -> 1" expect_code 1 bash -c "'$bin' extract --jsonl < '$work/in.jsonl'"
check "jsonl four lines" test "$(wc -l < "$work/out")" -eq 4
check "jsonl error line" bash -c "sed -n 2p '$work/out' | grep -q '\"error\"'"
check "jsonl ids in order" bash -c "sed -n 1p '$work/out' | grep -q '^{\"id\":\"a\"' && sed -n 3p '$work/out' | grep -q '^{\"id\":\"c\"'"
check "jsonl resolves May 12" bash -c "sed -n 1p '$work/out' | grep -q '2025-05-12'"

echo "$failures failure(s)"
exit $((failures > 0))

#!/usr/bin/env bash
# The CLI as a user runs it: outputs, exit codes, error messages, atomic writes, streaming mode.
set -u
bin=$(realpath "$1")
samples=$2
source "$(dirname "$0")/lib.sh"

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

# all-numeric dates: month first by default (US news), day first with --day-first
printf '%s\n' '{"id":"n","text":"The talks are set for 6/5/2025.","dct":"2025-01-01"}' > "$work/numeric.jsonl"
check "6/5/2025 month first" bash -c "'$bin' extract --jsonl -q < '$work/numeric.jsonl' | grep -q '\"value\":\"2025-06-05\"'"
check "6/5/2025 --day-first" bash -c "'$bin' extract --jsonl -q --day-first < '$work/numeric.jsonl' | grep -q '\"value\":\"2025-05-06\"'"

# bad input of issue 9: a clear error and a documented exit code, never a crash or a hang
# (each case takes seconds; the limits are --max-document-mb and --max-sentence-tokens)
head -c 100000000 /dev/zero | tr '\0' 'a' > "$work/huge.txt"   # 100 MB on one line
check "100 MB single line -> 1" expect_code 1 timeout 120 "$bin" build "$work/huge.txt" "$work/good.txt" --dct 2025-06-05 --out "$work/h" --format json
check "100 MB single line: the limit named" grep -q "more than the limit of 16 MB (--max-document-mb)" "$work/err"
check "100 MB single line: the good document written" grep -q '"id": "good"' "$work/h/story.json"
{ printf '{"id":"big","text":"'; cat "$work/huge.txt"; printf '"}\n'; \
  echo '{"id":"after","text":"Talks were held on May 12.","dct":"2025-06-05"}'; } > "$work/huge.jsonl"
check "100 MB JSONL line -> 1" expect_code 1 timeout 120 bash -c "'$bin' extract --jsonl < '$work/huge.jsonl'"
check "100 MB JSONL line: an error line, then the next record" \
  bash -c "sed -n 1p '$work/out' | grep -q 'over the document limit' && sed -n 2p '$work/out' | grep -q '^{\"id\":\"after\"'"
rm -f "$work/huge.txt" "$work/huge.jsonl"
head -c 60000 /dev/zero | tr '\0' 'a' | sed 's/a/word /g' | head -c 200000 > "$work/nostop.txt"  # one 40,000-word sentence
check "a 40,000-token sentence -> 1" expect_code 1 timeout 120 "$bin" build "$work/nostop.txt" --dct 2025-06-05 --out "$work/ns" --format json
check "a 40,000-token sentence: the limit named" grep -q -- "--max-sentence-tokens" "$work/err"
seq 0 99999 | awk '{ d = 1 + $1 % 28; m = 1 + int($1 / 28) % 12; y = 1900 + int($1 / 336) % 200;
  split("January February March April May June July August September October November December", n, " ");
  printf "%s %d, %d. ", n[m], d, y }' > "$work/dates.txt"           # 100,000 dates in one document
check "100,000 timexes in one document" expect_code 0 timeout 300 "$bin" build "$work/dates.txt" --dct 2025-06-05 --out "$work/d" --format json --quiet
check "100,000 timexes: all found" test "$(grep -c '"id": "dates:t' "$work/d/story.json")" -ge 100000
printf 'It was agreed on February 30, 2025, at 25:61, and again on February 29, 2025.\n' > "$work/impossible.txt"
check "impossible dates -> 0" expect_code 0 "$bin" build "$work/impossible.txt" --dct 2025-06-05 --out "$work/i" --format json --quiet
check "impossible dates: no February 30 or 25:61 value" bash -c "! grep -Eq '\"value\": \"(2025-02-30|2025-02-29|[^\"]*T25:61)' '$work/i/story.json'"
printf 'Talks ended yesterday. Next year the plan starts; last year it was drafted. It lasts 3 days from tomorrow.\n' > "$work/rel.txt"
for dct in 9999-12-31 0001-01-01 1970-01-01T00:00:00Z; do
  check "far DCT $dct -> 0" expect_code 0 "$bin" build "$work/rel.txt" --dct "$dct" --out "$work/far" --format json,dot --quiet
  check "far DCT $dct: JSON reads back" bash -c "'$bin' query '$work/far/story.json' between 0001 9999 > /dev/null"
done
nest=$(for k in $(seq 200); do printf '<EVENT eid="e%d">' "$k"; done)
printf '<?xml version="1.0"?>\n<TimeML><DOCID>n</DOCID><TEXT>%sdeep</TEXT></TimeML>\n' "$nest" > "$work/nested.tml"
check "deeply nested TimeML -> 1" expect_code 1 timeout 60 "$bin" timeml "$work/nested.tml" --out "$work/tml"
check "deeply nested TimeML: named" grep -q "nested.tml" "$work/err"
printf '<?xml version="1.0"?>\n<TimeML><DOCID>t</DOCID><TEXT>Talks were <EVENT eid="e1">held' > "$work/truncated.tml"
check "truncated TimeML -> 1" expect_code 1 timeout 60 "$bin" timeml "$work/truncated.tml" --out "$work/tml"
check "truncated TimeML: named" grep -q "truncated.tml" "$work/err"
# ids from input never leave --out: a record id and a manifest id of ../../x
mkdir -p "$work/ids/deep/er" "$work/ids/docs"
printf '%s\n' '{"id":"../../x","text":"Talks were held in Geneva on May 12.","dct":"2025-06-05"}' > "$work/ids/in.jsonl"
check "id ../../x: extract -> 0" expect_code 0 bash -c "'$bin' extract --jsonl --analysis < '$work/ids/in.jsonl' > '$work/ids/parts'"
check "id ../../x: echoed as given" grep -q '^{"id":"../../x"' "$work/ids/parts"
check "id ../../x: merge -> 0" expect_code 0 bash -c "cd '$work/ids/deep/er' && '$bin' merge ../../parts --out out --format json,timeml --quiet"
check "id ../../x: timeml written inside --out" test -s "$work/ids/deep/er/out/_.._x.tml"
printf 'Talks were held in Geneva on May 12.\n' > "$work/ids/docs/a.txt"
printf '{"documents": [{"file": "a.txt", "id": "../../x", "dct": "2025-06-05"}]}\n' > "$work/ids/docs/manifest.json"
check "manifest id ../../x: build --per-document -> 0" expect_code 0 bash -c "cd '$work/ids/deep/er' && '$bin' build ../../docs --out o --format json,timeml --per-document --quiet"
check "nothing written outside --out" bash -c "! find '$work' -name 'x.*' | grep -q ."

# train events learns from gold TimeML; eval events scores system TimeML against gold (Task B)
mkdir -p "$work/gold" && cp "$(dirname "$0")/../golden/document.tml" "$work/gold/"
check "train events -> 0" expect_code 0 "$bin" train events --train "$work/gold" --out "$work/learned.tsv" --quiet
check "train events: the table names its source" grep -q "gold; 1 documents" "$work/learned.tsv"
check "train events without --train -> 2" expect_code 2 "$bin" train events --out "$work/learned2.tsv"
check "train events: nothing written on failure" test ! -e "$work/learned2.tsv"
check "eval events gold vs itself -> 0" bash -c "'$bin' eval events --gold '$work/gold' --system '$work/gold' > '$work/ev.txt'"
check "eval events: F1 1 on itself" grep -q "event relaxed P 1.000 R 1.000 F1 1.000" "$work/ev.txt"
check "eval events: system without .tml -> 4" expect_code 4 "$bin" eval events --gold "$work/gold" --system "$work/empty"

finish

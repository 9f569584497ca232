#!/usr/bin/env bash
# The HTML report in a real browser (headless Chromium): renders story.html with the chronograph
# program, loads it from a file with --dump-dom, checks the rendered DOM and the console, and saves
# a screenshot. Exits 77 (ctest: skipped) when chromium is not installed.
#
#   browser_test.sh samples CHRONOGRAPH_EXE SAMPLES_DIR WORK_DIR
#   browser_test.sh escape  CHRONOGRAPH_EXE ARTICLE     WORK_DIR
set -euo pipefail
mode=$1 exe=$2 input=$3 work=$4

browser=$(command -v chromium || command -v chromium-browser || true)
if [[ -z $browser ]]; then
  echo "SKIP: chromium is not installed (scripts/deps.sh --test installs it)"
  exit 77
fi

fail() { echo "FAIL: $*" >&2; exit 1; }

rm -rf "$work/$mode"
mkdir -p "$work/$mode"
out="$work/$mode/out"
if [[ $mode == samples ]]; then
  "$exe" build "$input" --format html --out "$out" -q
else
  # Every event, so that all of the article's text reaches the table.
  "$exe" build "$input" --dct 2025-06-05 --all-events --format html --out "$out" -q
fi
html="$out/story.html"
[[ -s $html ]] || fail "$html was not written"

# One browser run: a fresh profile and no name resolution (the report must need no network).
run_browser() {
  local profile
  profile=$(mktemp -d "$work/$mode/profile.XXXXXX")
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --disable-dev-shm-usage --user-data-dir="$profile" \
    --host-resolver-rules="MAP * ~NOTFOUND" --enable-logging=stderr --v=0 "$@" "file://$html"
}

dom="$work/$mode/dom.html" log="$work/$mode/console.log"
run_browser --dump-dom > "$dom" 2> "$log" || fail "chromium --dump-dom failed (see $log)"
[[ -s $dom ]] || fail "empty DOM dump"

# Console: the report has no scripts, so any console message or uncaught error is a failure.
if grep -E "Uncaught|:CONSOLE[:(]|INJECTED" "$log"; then
  fail "the browser console reported the lines above"
fi

# Rendered DOM: the timeline SVG and a table with event rows.
grep -q "<svg" "$dom" || fail "no <svg> in the rendered DOM"
grep -q '<table id="events-table"' "$dom" || fail "no events table in the rendered DOM"
rows=$(grep -o '<tr id="ev-' "$dom" | wc -l)
echo "rendered DOM: $(wc -c < "$dom") bytes, $rows event rows"
(( rows >= 3 )) || fail "the events table has fewer than 3 event rows"
# Self-contained: nothing in the rendered page loads from elsewhere (src/href to a URL scheme,
# stylesheets, CSS url()/@import); links within the page ("#ev-...") are fine.
if grep -oiE '(src|href|xlink:href)="[a-z][a-z0-9+.-]*:|<link |url\(|@import' "$dom"; then
  fail "the report refers to outside resources (above)"
fi
# No script element at all: the report has none, so one would have been injected.
if grep -qi "<script" "$dom"; then fail "a <script> element is in the rendered DOM"; fi

if [[ $mode == escape ]]; then
  # The article's markup must be there as text (escaped when the DOM is serialised).
  grep -q "&lt;script&gt;alert(1)&lt;/script&gt;" "$dom" || fail "the article's <script> text is not in the DOM as text"
  grep -q "&lt;img src=x" "$dom" || fail "the article's <img> text is not in the DOM as text"
  # Backslashes, quotes and DOT syntax arrive verbatim (no Graphviz escape expanded, none lost).
  grep -qF 'C:\temp\new\N' "$dom" || fail "the article's backslashes did not survive"
  grep -qF 'digraph G { a -&gt; b [label="\N \G \L \n \l"]; }' "$dom" || fail "the article's DOT text did not survive"
  grep -qF '&lt;/svg&gt;&lt;/table&gt;' "$dom" || fail "the article's closing tags are not text"
  if grep -qi "<img" "$dom"; then fail "an <img> element was injected"; fi
  if grep -qi "<b>board" "$dom"; then fail "a <b> element was injected"; fi
fi

shot="$work/$mode/screenshot.png"
run_browser --screenshot="$shot" --window-size=1400,1000 > /dev/null 2>> "$log" || fail "chromium --screenshot failed"
[[ $(head -c 4 "$shot" | od -An -c | tr -d ' ') == '211PNG' ]] || fail "$shot is not a PNG"
echo "screenshot: $shot ($(wc -c < "$shot") bytes)"
echo "PASS: $mode"

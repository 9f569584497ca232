# Shared by the end-to-end shell tests (sourced): a scratch directory $work removed at exit,
# check NAME CONDITION... (counts failures), expect_code WANT CMD... (stdout and stderr in
# $work/out and $work/err), and finish (prints the count; the exit code says pass or fail).
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
finish() {
  echo "$failures failure(s)"
  exit $((failures > 0))
}

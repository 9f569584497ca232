#!/usr/bin/env bash
# Installs the Debian 12 packages chronograph needs (see docs/build-environment notes in README).
# As root it installs what is missing; otherwise it prints the exact apt-get line and fails.
set -euo pipefail
packages=(cmake g++ make ninja-build pkg-config
  libboost-graph-dev libhowardhinnant-date-dev libgraphviz-dev catch2
  nlohmann-json3-dev libcli11-dev libicu-dev libbenchmark-dev
  wordnet-dev wordnet-base libhyperscan-dev libre2-dev libsqlite3-dev)
case "${1:-}" in
  --test) packages+=(libxml2-utils chromium time) ;;  # xmllint: SVG/GraphML well-formedness; chromium: HTML report in a browser; GNU time: peak RSS
  --fuzz) packages+=(clang libclang-rt-14-dev) ;;     # libFuzzer and the sanitizer runtimes
esac
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
((${#missing[@]} == 0)) && exit 0
line="apt-get install -y --no-install-recommends ${missing[*]}"
if [[ $(id -u) -ne 0 ]]; then
  echo "chronograph: missing system packages. Run as root:" >&2
  echo "  apt-get update && $line" >&2
  exit 1
fi
echo "chronograph: installing ${missing[*]}" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive $line

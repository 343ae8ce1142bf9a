#!/usr/bin/env bash
# Follows the README's "Start here" as a newcomer would: the repository cloned into an empty
# folder with nothing beside it (no ../shared), the section's commands run exactly as written and
# in order, then a few of the README's later examples with the installed command.
#
#   scripts/newcomer-check.sh [--skip-tests]
#
# --skip-tests leaves out `swift test` (the slowest step). Prints each step and exits non-zero at
# the first one that fails, naming it.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
skip_tests=false
[ "${1:-}" = "--skip-tests" ] && skip_tests=true

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
git clone -q "$repo" "$scratch/conduct-audit"
cd "$scratch/conduct-audit"
[ -e ../shared ] && { echo "FAIL: the clone has something beside it"; exit 1; }

step() { echo; echo "== $*"; }

# The sh blocks of the "Start here" section, one file each.
awk -v dir="$scratch" '
  /^## / { inside = ($0 ~ /^## Start here/) }
  inside && /^```sh$/ { n++; file = sprintf("%s/block-%d.sh", dir, n); copying = 1; next }
  copying && /^```$/ { copying = 0; close(file); next }
  copying { print > file }
' README.md
blocks=("$scratch"/block-*.sh)
[ "${#blocks[@]}" -ge 3 ] || { echo "FAIL: expected 3 sh blocks in Start here, found ${#blocks[@]}"; exit 1; }

step "A clean build: no warnings from the project's own code"
swift build --build-tests 2>&1 | tee "$scratch/build.log" | grep -E "^\[|error:" | tail -1
own_warnings="$(grep -E "^$PWD/(Sources|Tests)/.*: warning:" "$scratch/build.log" | sort -u || true)"
if [ -n "$own_warnings" ]; then echo "FAIL: warnings in the project's code:"; echo "$own_warnings"; exit 1; fi
echo "no warnings in Sources/ or Tests/"

step "README block 1 (the audit on Samples/):"; cat "${blocks[0]}"
status=0; bash -e "${blocks[0]}" || status=$?
# Exit status 1 means open findings, which the samples have.
[ "$status" -eq 1 ] || { echo "FAIL: the audit exited $status (expected 1: open findings)"; exit 1; }
[ -f Reports/rebecca-hale/evidence/index.html ] || { echo "FAIL: no evidence index"; exit 1; }

if $skip_tests; then
  step "README block 2 (the tests): skipped (--skip-tests)"
else
  step "README block 2 (the tests):"; cat "${blocks[1]}"
  bash -e "${blocks[1]}" || { echo "FAIL: the tests failed on a fresh clone"; exit 1; }
fi

step "README block 3 (install) and the later examples, with the installed command:"
cat "${blocks[2]}"
# The install block's PATH change must hold for the examples that follow, as in the reader's shell.
# shellcheck disable=SC1090
source "${blocks[2]}" >/dev/null
command -v conduct-audit >/dev/null || { echo "FAIL: conduct-audit is not on PATH after install"; exit 1; }

case_file=Reports/rebecca-hale/case.sqlite
# (To a file, not through head: a closed pipe would end the command with SIGPIPE.)
conduct-audit findings --case "$case_file" --status open > "$scratch/findings.txt"
head -3 "$scratch/findings.txt"
id="$(conduct-audit findings --case "$case_file" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["findings"][0]["id"])')"
lower="$(printf '%s' "$id" | tr 'A-Z' 'a-z')"
conduct-audit review "$lower" --dismiss --reason "Scheduled post, set up the night before" \
  --reviewer "J. Smith (HR)" --case "$case_file"
status=0
conduct-audit report --case "$case_file" --school Samples/school.yaml --roster Samples/pupils.csv || status=$?
[ "$status" -eq 0 ] || { echo "FAIL: report exited $status"; exit 1; }
conduct-audit verify Reports/rebecca-hale/evidence
echo
echo "OK: the README's Start here works as written on a fresh clone with nothing beside it"

#!/usr/bin/env bash
# Renders an evidence folder's index.html and its first incident page in headless Chromium, to PNG
# (what a reader sees on screen) and to A4 PDF (what they print), and checks the results: every file
# is written, the PDFs are A4 and carry the "Page X of Y" footer. Writes into OUT_DIR, never into
# the evidence folder (which would then fail `conduct-audit verify`).
#
#   scripts/render-evidence.sh [EVIDENCE_DIR] [OUT_DIR]
#
# EVIDENCE_DIR defaults to Reports/rebecca-hale/evidence (run the README's audit first); OUT_DIR
# defaults to a new temporary folder. Exit status: 0 rendered and checked, or skipped because
# Chromium is not installed (a message says so); 1 a check failed; 2 usage error.
set -euo pipefail

evidence="${1:-Reports/rebecca-hale/evidence}"
out="${2:-$(mktemp -d "${TMPDIR:-/tmp}/render-evidence.XXXXXX")}"

chromium=""
for name in chromium chromium-browser google-chrome google-chrome-stable chrome; do
  if command -v "$name" >/dev/null 2>&1; then chromium="$(command -v "$name")"; break; fi
done
if [ -z "$chromium" ]; then
  echo "SKIPPED: Chromium is not installed (looked for chromium, chromium-browser, google-chrome)."
  echo "Install it (Debian/Ubuntu: apt-get install chromium) to render the evidence pages."
  exit 0
fi
if [ ! -f "$evidence/index.html" ]; then
  echo "error: '$evidence' has no index.html. Run the audit first, e.g.:" >&2
  echo "  swift run conduct-audit audit Samples/facebook-rebeccahale-2025-03-14 --school Samples/school.yaml --roster Samples/pupils.csv" >&2
  exit 2
fi
evidence="$(cd "$evidence" && pwd)"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
case "$out/" in "$evidence"/*) echo "error: OUT_DIR must be outside the evidence folder" >&2; exit 2;; esac

sandbox=()
if [ "$(id -u)" = "0" ]; then sandbox=(--no-sandbox); fi
profile="$(mktemp -d "${TMPDIR:-/tmp}/render-evidence-profile.XXXXXX")"
trap 'rm -rf "$profile"' EXIT

pages=("index.html")
first_incident="$(cd "$evidence" && ls -d INC-* 2>/dev/null | sort | head -n 1 || true)"
if [ -n "$first_incident" ]; then pages+=("$first_incident/incident.html"); fi

failed=0
for page in "${pages[@]}"; do
  name="$(echo "$page" | tr '/' '_' | sed 's/\.html$//')"
  url="file://$evidence/$page"
  "$chromium" --headless "${sandbox[@]}" --disable-gpu --no-first-run --user-data-dir="$profile" \
    --window-size=1200,1600 --screenshot="$out/$name.png" "$url" >/dev/null 2>&1 || true
  "$chromium" --headless "${sandbox[@]}" --disable-gpu --no-first-run --user-data-dir="$profile" \
    --no-pdf-header-footer --print-to-pdf="$out/$name.pdf" "$url" >/dev/null 2>&1 || true
  for file in "$out/$name.png" "$out/$name.pdf"; do
    if [ ! -s "$file" ]; then echo "FAIL: $page: $(basename "$file") was not written"; failed=1; fi
  done
  if [ -s "$out/$name.pdf" ] && ! head -c 5 "$out/$name.pdf" | grep -q '%PDF-'; then
    echo "FAIL: $page: $name.pdf is not a PDF"; failed=1
  fi
  if [ -s "$out/$name.pdf" ] && command -v pdftotext >/dev/null 2>&1; then
    text="$(pdftotext -layout "$out/$name.pdf" - 2>/dev/null || true)"
    if ! grep -q "Page 1 of" <<<"$text"; then
      echo "FAIL: $page: the PDF has no 'Page 1 of N' footer"; failed=1
    fi
  fi
  if [ -s "$out/$name.pdf" ] && command -v pdfinfo >/dev/null 2>&1; then
    info="$(pdfinfo "$out/$name.pdf" 2>/dev/null || true)"
    grep -q "(A4)" <<<"$info" || { echo "FAIL: $page: the PDF is not A4"; failed=1; }
    echo "ok: $page -> $name.png, $name.pdf ($(awk '/^Pages:/ {print $2}' <<<"$info") A4 pages)"
  else
    echo "ok: $page -> $name.png, $name.pdf"
  fi
done
echo "Output: $out"
exit "$failed"

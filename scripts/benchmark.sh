#!/usr/bin/env bash
# Benchmark: import and audit synthetic exports at scale 1 (~100 MB of export JSON) and scale 5,
# and import the same X archive with twitter-to-sqlite 0.22, side by side.
#
#   scripts/benchmark.sh [--skip-scale-5] [--seed N] [--work DIR]
#
# Builds release, generates the exports with conduct-audit-generate (kept in DIR between runs:
# same seed and scale give the same bytes), then times with /usr/bin/time -v:
#   import  conduct-audit import  (every archive into a fresh case, full-text index included)
#   audit   conduct-audit audit   (import + analysis + evidence folder, fresh case)
#   analyse conduct-audit audit   on the case already holding the archives (hashing, analysis
#           and report only: archives already in the case are not parsed again)
# and prints a table. twitter-to-sqlite is installed into .build/benchmark-venv when missing.
set -euo pipefail

seed=1
scales=(1 5)
work="${TMPDIR:-/tmp}/conduct-audit-benchmark"
while [ $# -gt 0 ]; do
    case "$1" in
        --skip-scale-5) scales=(1); shift ;;
        --seed) seed="$2"; shift 2 ;;
        --work) work="$2"; shift 2 ;;
        -h|--help) sed -n 2,14p "$0"; exit 0 ;;
        *) echo "unknown option: $1" >&2; exit 2 ;;
    esac
done

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
echo "Building release…" >&2
swift build -c release --product conduct-audit >&2
swift build -c release --product conduct-audit-generate >&2
bin="$(swift build -c release --show-bin-path)"
mkdir -p "$work"

venv="$root/.build/benchmark-venv"
if [ ! -x "$venv/bin/twitter-to-sqlite" ]; then
    echo "Installing twitter-to-sqlite 0.22 into $venv…" >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q twitter-to-sqlite==0.22 >&2
fi

# timed LOG CMD...: runs CMD under /usr/bin/time -v, its output to LOG.out, timing to LOG.time.
timed() {
    local log="$1"; shift
    /usr/bin/time -v "$@" > "$log.out" 2> "$log.time" || {
        local status=$?
        # conduct-audit audit exits 1 when it finds open findings: that is a finished run.
        if [ $status -ne 1 ]; then echo "failed ($status): $*" >&2; tail -5 "$log.time" >&2; exit 1; fi
    }
}
seconds() {  # elapsed wall clock of a /usr/bin/time -v log, in seconds
    awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0;
        for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f", s }' "$1"
}
rss_mb() {
    awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"
}
summary() {  # field of synthetic-exports.json summed: events, bytes or jsonBytes
    python3 -c "import json,sys; print(sum(e['$2'] for e in json.load(open('$1'))))"
}
count_items() {
    python3 -c "import sqlite3,sys; print(sqlite3.connect('$1').execute('select count(*) from item').fetchone()[0])"
}

school=Samples/school.yaml
roster=Samples/pupils.csv
rows=()
for scale in "${scales[@]}"; do
    dir="$work/seed-$seed-scale-$scale"
    if [ ! -f "$dir/synthetic-exports.json" ]; then
        echo "Generating scale $scale into $dir…" >&2
        rm -rf "$dir"
        "$bin/conduct-audit-generate" --seed "$seed" --scale "$scale" --out "$dir" >&2
    fi
    mapfile -t inputs < <(python3 -c "import json; [print('$dir/' + e['file']) for e in json.load(open('$dir/synthetic-exports.json'))]")
    json_mb=$(python3 -c "print(round($(summary "$dir/synthetic-exports.json" jsonBytes) / 1e6, 1))")
    all_mb=$(python3 -c "print(round($(summary "$dir/synthetic-exports.json" bytes) / 1e6, 1))")
    runs="$dir/runs"; rm -rf "$runs"; mkdir -p "$runs"

    echo "Scale $scale: import…" >&2
    timed "$runs/import" "$bin/conduct-audit" import "${inputs[@]}" --school "$school" \
        --staff "Rebecca Hale" --case "$runs/import.sqlite" --quiet
    items=$(count_items "$runs/import.sqlite")
    echo "Scale $scale: audit…" >&2
    timed "$runs/audit" "$bin/conduct-audit" audit "${inputs[@]}" --school "$school" \
        --roster "$roster" --staff "Rebecca Hale" --case "$runs/audit.sqlite" \
        --out "$runs/evidence" --quiet
    echo "Scale $scale: analysis and report on the imported case…" >&2
    timed "$runs/analyse" "$bin/conduct-audit" audit "${inputs[@]}" --school "$school" \
        --roster "$roster" --staff "Rebecca Hale" --case "$runs/import.sqlite" \
        --out "$runs/evidence-again" --quiet

    import_s=$(seconds "$runs/import.time")
    rows+=("$(printf '| %s | %s MB JSON (%s MB all) | %s | %s | %s | %s | %s | %s | %s MB |' \
        "$scale" "$json_mb" "$all_mb" "$items" "$import_s" \
        "$(python3 -c "print(round($all_mb / $import_s, 1))")" \
        "$(python3 -c "print(f'{round($items / $import_s / 1000)}k')")" \
        "$(seconds "$runs/analyse.time")" "$(seconds "$runs/audit.time")" \
        "$(rss_mb "$runs/import.time") / $(rss_mb "$runs/audit.time") / $(rss_mb "$runs/analyse.time")")")
done

# The same X archive, imported by both tools. twitter-to-sqlite 0.22 reads tweets only from the
# pre-2022 name data/tweet.js, so it gets a copy with the tweet files renamed (tweet.js,
# tweet-part1.js) and their window.YTD globals to match; every other file is the same.
x_archive="$work/seed-$seed-scale-1/twitter-beckyhale-synthetic.zip"
x_copy="$work/seed-$seed-scale-1/twitter-beckyhale-synthetic-tweet-js.zip"
python3 - "$x_archive" "$x_copy" <<'PY'
import sys, zipfile
source, target = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
    for info in zin.infolist():
        data = zin.read(info)
        name = info.filename
        if name.startswith("data/tweets"):
            name = name.replace("data/tweets", "data/tweet", 1)
            data = data.replace(b"window.YTD.tweets.", b"window.YTD.tweet.", 1)
        zout.writestr(name, data)
PY
x_runs="$work/seed-$seed-scale-1/runs"
rm -f "$x_runs/x.sqlite" "$x_runs/twitter-to-sqlite.db"
timed "$x_runs/x" "$bin/conduct-audit" import "$x_archive" --school "$school" \
    --staff "Rebecca Hale" --case "$x_runs/x.sqlite" --quiet
timed "$x_runs/t2s" "$venv/bin/twitter-to-sqlite" import "$x_runs/twitter-to-sqlite.db" "$x_copy"
x_mb=$(python3 -c "import zipfile; print(round(sum(i.file_size for i in zipfile.ZipFile('$x_archive').infolist()) / 1e6, 1))")
x_s=$(seconds "$x_runs/x.time"); t2s_s=$(seconds "$x_runs/t2s.time")

echo
echo "conduct-audit $(git -C "$root" rev-parse --short HEAD), seed $seed, $(nproc) cores, $(date -u +%Y-%m-%d)"
echo
echo "| scale | export size | items | import s | import MB/s | import items/s | analysis + report s | complete audit s | peak RSS import / audit / analysis |"
echo "|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
echo
echo "| X archive ($x_mb MB, scale 1) | seconds | peak RSS |"
echo "|---|---|---|"
echo "| conduct-audit import | $x_s | $(rss_mb "$x_runs/x.time") MB |"
echo "| twitter-to-sqlite 0.22 import | $t2s_s | $(rss_mb "$x_runs/t2s.time") MB |"
echo "| speed-up (twitter-to-sqlite s ÷ conduct-audit s; target ≥ 5) | $(python3 -c "print(f'{$t2s_s / $x_s:.2f}')") | |"

#!/usr/bin/env bash
# Benchmark: complete audits of the lumpy synthetic exports, alone and together, against the
# issue-14 targets, with peer tools run side by side on the same files.
#
#   scripts/benchmark.sh [--scale-5 | --scale-5-only KEYS] [--seed N] [--work DIR]
#                        [--redact-timeout SECONDS] [--no-redaction] [--scratch-path DIR]
#
# Builds release, generates the exports with conduct-audit-generate (kept in DIR between runs:
# the same seed, scale and generator give the same bytes; a changed generator gets a new folder)
# and times every run with /usr/bin/time -v (wall clock, peak RSS). At scale 1:
#   - each archive alone: `conduct-audit import` into a fresh case, and `conduct-audit audit`
#     (import, analysis, evidence folder) into another fresh case;
#   - all five archives in one complete audit, and the same audit with --redact-third-parties
#     (stopped after --redact-timeout seconds, 300 by default; --no-redaction skips it);
#   - the peers on the same files: twitter-to-sqlite 0.22 on the X archive (a copy whose tweet
#     files carry the legacy names tweet.js and tweet-part1.js, the only ones it reads), whatstk
#     0.9.1 on the WhatsApp group (a DataFrame of the chat, pandas start-up included), and
#     scripts/facebook_json_import.py on the Facebook JSON (and, for reference, the Instagram)
#     export. They are installed into .build/benchmark-venv with pip when missing.
# --scale-5 repeats the per-archive and complete audits at scale 5 for peak memory (no peers);
# --scale-5-only KEYS limits that to some of: fb-json,fb-html,instagram,x,whatsapp,all.
# --scratch-path gives swift build a build folder other than .build (a release build beside a
# debug one). Ratios are peer seconds ÷ conduct-audit `audit` seconds: 5 means conduct-audit is 5× faster.
# The machine may be shared and noisy: the peers run in the same run, so compare ratios.
set -euo pipefail

seed=1
scale5=""
work="${TMPDIR:-/tmp}/conduct-audit-benchmark"
redact_timeout=300
redaction=1
build=(-c release)
while [ $# -gt 0 ]; do
    case "$1" in
        --scale-5) scale5="fb-json,fb-html,instagram,x,whatsapp,all"; shift ;;
        --scale-5-only) scale5="$2"; shift 2 ;;
        --seed) seed="$2"; shift 2 ;;
        --work) work="$2"; shift 2 ;;
        --redact-timeout) redact_timeout="$2"; shift 2 ;;
        --no-redaction) redaction=0; shift ;;
        --scratch-path) build+=(--scratch-path "$2"); shift 2 ;;
        -h|--help) sed -n 2,27p "$0"; exit 0 ;;
        *) echo "unknown option: $1" >&2; exit 2 ;;
    esac
done

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
echo "Building release…" >&2
swift build "${build[@]}" --product conduct-audit >&2
swift build "${build[@]}" --product conduct-audit-generate >&2
bin="$(swift build "${build[@]}" --show-bin-path)"
mkdir -p "$work"

venv="$root/.build/benchmark-venv"
if [ ! -x "$venv/bin/twitter-to-sqlite" ] || ! "$venv/bin/python" -c "import whatstk" 2>/dev/null; then
    echo "Installing twitter-to-sqlite 0.22 and whatstk 0.9.1 into $venv…" >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q twitter-to-sqlite==0.22 whatstk==0.9.1 >&2 || {
        echo "pip could not install the peers (is PyPI reachable?)" >&2; exit 1; }
fi
peer_python="$venv/bin/python"

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
count_items() {
    python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from item').fetchone()[0])" "$1"
}

# The archives by key: the generator's file names.
declare -A file_of=(
    [fb-json]="facebook-rebeccahale-synthetic.zip"
    [fb-html]="facebook-rebeccahale-synthetic-html.zip"
    [instagram]="instagram-beckyhale-synthetic.zip"
    [x]="twitter-beckyhale-synthetic.zip"
    [whatsapp]="WhatsApp Chat with Hale Family.txt"
)
keys=(fb-json fb-html instagram x whatsapp)
generator_tree="$(cat Sources/SyntheticExports/*.swift | sha256sum | cut -c1-10)"

# generate SCALE: the exports' folder for SCALE, generated when missing.
generate() {
    local dir="$work/seed-$seed-scale-$1-generator-$generator_tree"
    if [ ! -f "$dir/synthetic-exports.json" ]; then
        echo "Generating scale $1 into $dir…" >&2
        rm -rf "$dir"
        "$bin/conduct-audit-generate" --seed "$seed" --scale "$1" --out "$dir" >&2
    fi
    echo "$dir"
}
size_mb() {  # uncompressed bytes of the named exports, from the generator's summary, in MB
    local dir="$1"; shift
    python3 - "$dir/synthetic-exports.json" "$@" <<'PY'
import json, sys
files = set(sys.argv[2:])
print(round(sum(e["bytes"] for e in json.load(open(sys.argv[1])) if e["file"] in files) / 1e6, 1))
PY
}

school=Samples/school.yaml
roster=Samples/pupils.csv
audit_args=(--school "$school" --roster "$roster" --staff "Rebecca Hale" --quiet)
results="$work/results-$(date -u +%Y%m%dT%H%M%S).tsv"
: > "$results"
# record SCALE KEY LABEL SIZE RUNS-PREFIX [PEER PEER-LOG]: one row of the table.
record() {
    local scale="$1" key="$2" label="$3" size="$4" prefix="$5" peer="${6:-}" peer_log="${7:-}"
    local import_s="" import_rss="" items=""
    if [ -f "$prefix-import.time" ]; then
        import_s=$(seconds "$prefix-import.time"); import_rss=$(rss_mb "$prefix-import.time")
    fi
    [ -f "$prefix-audit.sqlite" ] && items=$(count_items "$prefix-audit.sqlite")
    local peer_s="" peer_rss=""
    if [ -n "$peer_log" ]; then peer_s=$(seconds "$peer_log.time"); peer_rss=$(rss_mb "$peer_log.time"); fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$scale" "$key" "$label" "$size" "$items" \
        "$(seconds "$prefix-audit.time")" "$(rss_mb "$prefix-audit.time")" "$import_s" "$import_rss" \
        "$peer" "$peer_s" "$peer_rss" >> "$results"
}

# audit_alone SCALE DIR KEY WITH-IMPORT: the complete audit of one archive (and its import).
audit_alone() {
    local scale="$1" dir="$2" key="$3" with_import="$4" runs="$2/runs"
    local input="$dir/${file_of[$key]}"
    if [ "$with_import" = 1 ]; then
        echo "Scale $scale, $key: import…" >&2
        timed "$runs/$key-import" "$bin/conduct-audit" import "$input" --school "$school" \
            --staff "Rebecca Hale" --case "$runs/$key-import.sqlite" --quiet
    fi
    echo "Scale $scale, $key: complete audit…" >&2
    timed "$runs/$key-audit" "$bin/conduct-audit" audit "$input" "${audit_args[@]}" \
        --case "$runs/$key-audit.sqlite" --out "$runs/$key-evidence"
}
audit_all() {  # audit_all SCALE DIR: every archive in one complete audit
    local scale="$1" dir="$2" runs="$2/runs" inputs=()
    for key in "${keys[@]}"; do inputs+=("$dir/${file_of[$key]}"); done
    echo "Scale $scale: all five archives in one complete audit…" >&2
    timed "$runs/all-audit" "$bin/conduct-audit" audit "${inputs[@]}" "${audit_args[@]}" \
        --case "$runs/all-audit.sqlite" --out "$runs/all-evidence"
}

# ---- Scale 1: every archive alone, all together, redaction, peers ----
dir1=$(generate 1)
runs="$dir1/runs"; rm -rf "$runs"; mkdir -p "$runs"
for key in "${keys[@]}"; do audit_alone 1 "$dir1" "$key" 1; done
audit_all 1 "$dir1"

echo "Peers: scripts/facebook_json_import.py on the Facebook JSON and Instagram exports…" >&2
timed "$runs/peer-fb-json" python3 scripts/facebook_json_import.py "$dir1/${file_of[fb-json]}" "$runs/peer-fb-json.sqlite"
timed "$runs/peer-instagram" python3 scripts/facebook_json_import.py "$dir1/${file_of[instagram]}" "$runs/peer-instagram.sqlite"

echo "Peers: twitter-to-sqlite 0.22 on the X archive (legacy tweet.js names)…" >&2
# twitter-to-sqlite 0.22 reads tweets only from the pre-2022 name data/tweet.js, so it gets a copy
# with the tweet files renamed (tweet.js, tweet-part1.js) and their window.YTD globals to match;
# every other file is the same.
x_copy="$dir1/twitter-beckyhale-synthetic-tweet-js.zip"
if [ ! -f "$x_copy" ]; then
    python3 - "$dir1/${file_of[x]}" "$x_copy" <<'PY'
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
fi
timed "$runs/peer-x" "$venv/bin/twitter-to-sqlite" import "$runs/peer-x.sqlite" "$x_copy"

echo "Peers: whatstk 0.9.1 on the WhatsApp group…" >&2
timed "$runs/peer-whatsapp" "$peer_python" -c '
import sys
from whatstk import df_from_whatsapp
frame = df_from_whatsapp(sys.argv[1], hformat="[%d/%m/%Y, %H:%M:%S] %name:", max_size=None)
print(len(frame), "messages")
' "$dir1/${file_of[whatsapp]}"

for key in "${keys[@]}"; do
    case "$key" in
        fb-json) peer=("plain Python importer" "$runs/peer-fb-json") ;;
        instagram) peer=("plain Python importer" "$runs/peer-instagram") ;;
        x) peer=("twitter-to-sqlite 0.22" "$runs/peer-x") ;;
        whatsapp) peer=("whatstk 0.9.1" "$runs/peer-whatsapp") ;;
        *) peer=() ;;
    esac
    record 1 "$key" "${file_of[$key]}" "$(size_mb "$dir1" "${file_of[$key]}")" "$runs/$key" "${peer[@]}"
done
all_files=(); for key in "${keys[@]}"; do all_files+=("${file_of[$key]}"); done
record 1 all "all five in one audit" "$(size_mb "$dir1" "${all_files[@]}")" "$runs/all"

redact_line=""
if [ "$redaction" = 1 ]; then
    echo "Scale 1: all five with --redact-third-parties (at most $redact_timeout s)…" >&2
    inputs=(); for key in "${keys[@]}"; do inputs+=("$dir1/${file_of[$key]}"); done
    status=0
    /usr/bin/time -v timeout "$redact_timeout" "$bin/conduct-audit" audit "${inputs[@]}" \
        "${audit_args[@]}" --redact-third-parties --case "$runs/redact-audit.sqlite" \
        --out "$runs/redact-evidence" > "$runs/redact-audit.out" 2> "$runs/redact-audit.time" || status=$?
    case $status in
        0|1) redact_line="$(seconds "$runs/redact-audit.time")" ;;
        124) echo "stopped after $redact_timeout s" >&2 ;;
        *) echo "failed ($status)" >&2; tail -5 "$runs/redact-audit.time" >&2; exit 1 ;;
    esac
fi

# ---- Scale 5 (optional): peak memory per archive and for the complete audit ----
if [ -n "$scale5" ]; then
    dir5=$(generate 5)
    runs5="$dir5/runs"; rm -rf "$runs5"; mkdir -p "$runs5"
    IFS=, read -r -a wanted <<< "$scale5"
    for key in "${wanted[@]}"; do
        if [ "$key" = all ]; then
            audit_all 5 "$dir5"
            record 5 all "all five in one audit" "$(size_mb "$dir5" "${all_files[@]}")" "$runs5/all"
        elif [ -n "${file_of[$key]:-}" ]; then
            audit_alone 5 "$dir5" "$key" 0
            record 5 "$key" "${file_of[$key]}" "$(size_mb "$dir5" "${file_of[$key]}")" "$runs5/$key"
        else
            echo "unknown archive key: $key" >&2; exit 2
        fi
    done
fi

echo
echo "conduct-audit $(git -C "$root" rev-parse --short HEAD), seed $seed, generator $generator_tree, $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC'), $(uname -n)"
echo
python3 - "$results" "$redaction" "$redact_line" "$redact_timeout" <<'PY'
import sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1]) if line.strip()]
redaction, redacted, timeout = sys.argv[2] == "1", sys.argv[3], sys.argv[4]
peer_targets = {"fb-json": 2, "x": 5, "whatsapp": 5}
print("| scale | archive | size MB | items | `audit` s | peak RSS MB | `import` s | peer | peer s | ratio (peer ÷ ours) | target | met |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|")
checks = []
for scale, key, label, size, items, audit_s, rss, import_s, import_rss, peer, peer_s, peer_rss in rows:
    ratio = f"{float(peer_s) / float(audit_s):.2f}" if peer_s else ""
    targets = []
    if scale == "1" and key in peer_targets:
        goal = peer_targets[key]
        targets.append((f"ratio ≥ {goal}", float(ratio) >= goal))
    if scale == "1" and key == "all":
        targets.append(("≤ 6 s", float(audit_s) <= 6))
    if scale == "5":
        targets.append(("peak RSS ≤ 400 MB", float(rss) <= 400))
    target = "; ".join(t for t, _ in targets)
    met = "; ".join("pass" if ok else "MISS" for _, ok in targets)
    items = f"{int(items):,}" if items else ""
    print(f"| {scale} | {label} | {size} | {items} | {audit_s} | {rss} | {import_s} | {peer} | {peer_s} | {ratio} | {target} | {met} |")
    if key == "all" and scale == "1":
        plain = float(audit_s)
if redaction:
    if redacted:
        extra = (float(redacted) / plain - 1) * 100
        print(f"| 1 | all five with `--redact-third-parties` | | | {redacted} | | | | | | ≤ +25% | {'pass' if extra <= 25 else 'MISS'} ({extra:+.0f}%) |")
    else:
        # Stopped: only a lower bound is known, and it says something only past the plain audit.
        bound = float(timeout) / plain * 100 - 100
        verdict = f"MISS (> {bound:+.0f}%)" if bound > 25 else "undetermined (stopped too early)"
        print(f"| 1 | all five with `--redact-third-parties` | | | > {timeout} (stopped) | | | | | | ≤ +25% | {verdict} |")
PY
echo
echo "Runs, logs and cases: $runs; rows: $results"

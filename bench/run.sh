#!/usr/bin/env bash
# Benchmark: tally next to the tools a user would otherwise script together.
#
# Usage: bench/run.sh [JOBS...]        (default: 1000000 5000000)
#
# Generates the histories once with `tally sample` (cached under bench/data/,
# git-ignored), then runs tally and each peer alternately RUNS times (default 3)
# and prints: input, tool, median wall time, median peak memory, time relative
# to tally. The table is also written to bench/results/latest.md.
#
# Environment: RUNS (3), USERS (2000), JSON_JOBS (1000000: jobs in the NDJSON and
# JSON-array files), TALLY (.build/release/tally), CASES (sqlite report json small).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
TALLY=${TALLY:-$ROOT/.build/release/tally}
RUNS=${RUNS:-3}
USERS=${USERS:-2000}
JSON_JOBS=${JSON_JOBS:-1000000}
CASES=${CASES:-sqlite report json small}
DATA=$ROOT/bench/data
RESULTS=$ROOT/bench/results
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000000 5000000)
# The sample window: 120 days before 2026-11-29; the report covers all of it.
REPORT_ARGS=(--from 2026-07-01 --to 2026-12-01 --as-of 2026-11-29T00:00:00Z --plan "$ROOT/sample-data/plan.yaml")
GROUP_SQL='SELECT user_id, status, count(*), sum(total_documents), sum(processed_count), sum(failed_count) FROM jobs GROUP BY 1, 2'
JQ_REDUCE='(. // [0,0,0,0]) | [.[0]+1, .[1]+($j.total_documents//0), .[2]+($j.processed_count//0), .[3]+($j.failed_count//0)]'

mkdir -p "$DATA" "$RESULTS"
[ -x "$TALLY" ] || (cd "$ROOT" && swift build -c release --product tally)
SCRATCH=$(mktemp -d "$RESULTS/run.XXXXXX")
trap 'rm -rf "$SCRATCH"' EXIT
ROWS=$SCRATCH/rows.tsv
: >"$ROWS"

human() { awk -v n="$1" 'BEGIN { if (n >= 1e6) printf "%gM", n / 1e6; else if (n >= 1e3) printf "%gk", n / 1e3; else print n }'; }

# generate DIR JOBS FORMATS: `tally sample` into DIR unless it is already there.
generate() {
    local dir=$1 jobs=$2 formats=$3
    [ -f "$dir/.complete" ] && return
    echo "generating $jobs jobs ($formats) into $dir" >&2
    /usr/bin/time -f "  generated in %e s, peak %M kB" \
        "$TALLY" sample --out "$dir" --jobs "$jobs" --users "$USERS" --seed 7 --formats "$formats" >&2
    touch "$dir/.complete"
}

# measure INPUT TOOL COMMAND...: one timed run, appended to the rows file.
measure() {
    local input=$1 tool=$2
    shift 2
    local out=$SCRATCH/out
    rm -rf "$out" "$SCRATCH/time"
    if ! /usr/bin/time -f "%e %M" -o "$SCRATCH/time" "$@" >"$SCRATCH/stdout" 2>"$SCRATCH/stderr"; then
        echo "FAILED: $tool on $input: $*" >&2
        tail -3 "$SCRATCH/stderr" >&2
        return
    fi
    read -r wall kb <"$SCRATCH/time"
    printf '%s\t%s\t%s\t%s\n' "$input" "$tool" "$wall" "$kb" >>"$ROWS"
}

# alternate INPUT then pairs of TOOL and COMMAND strings: RUNS rounds, one run of each per round.
alternate() {
    local input=$1
    shift
    for ((r = 1; r <= RUNS; r++)); do
        local args=("$@")
        for ((i = 0; i < ${#args[@]}; i += 2)); do
            measure "$input" "${args[i]}" bash -c "${args[i + 1]}"
        done
    done
}

for n in "${SIZES[@]}"; do
    [[ " $CASES " == *" sqlite "* || " $CASES " == *" report "* ]] || break
    dir=$DATA/sqlite-$n
    generate "$dir" "$n" sqlite
    db=$dir/history.sqlite
    label="SQLite $(human "$n") jobs"
    cat "$db" >/dev/null # warm the page cache once, for every tool alike
    if [[ " $CASES " == *" sqlite "* ]]; then
        alternate "$label: stats" \
            "tally stats --all-users" "'$TALLY' stats '$db' --all-users --out '$SCRATCH/out'" \
            "tally stats --jobs 1" "'$TALLY' stats '$db' --all-users --jobs 1 --out '$SCRATCH/out'" \
            "sqlite3 GROUP BY" "sqlite3 -readonly '$db' \"$GROUP_SQL\""
    fi
    if [[ " $CASES " == *" report "* ]]; then
        alternate "$label: report" \
            "tally report --plan" "'$TALLY' report '$db' --out '$SCRATCH/out' --quiet ${REPORT_ARGS[*]}" \
            "python3 peer_report.py" "python3 '$ROOT/bench/peer_report.py' '$db' '$SCRATCH/out' 2026-07-01 2026-12-01"
    fi
done

if [[ " $CASES " == *" json "* ]]; then
    dir=$DATA/json-$JSON_JOBS
    generate "$dir" "$JSON_JOBS" ndjson,json
    for file in "$dir/jobs.ndjson" "$dir/jobs.json"; do
        cat "$file" >/dev/null
        mb=$(($(stat -c %s "$file") / 1000000))
        if [[ $file == *.ndjson ]]; then jq_cmd="jq -n 'reduce inputs as \$j ({}; .[(\$j.user_id // \"-\") + \" \" + \$j.status] |= ($JQ_REDUCE))'"
        else jq_cmd="jq 'reduce .[] as \$j ({}; .[(\$j.user_id // \"-\") + \" \" + \$j.status] |= ($JQ_REDUCE))'"; fi
        alternate "$(basename "$file") $(human "$JSON_JOBS") jobs, $mb MB: stats" \
            "tally stats --all-users" "'$TALLY' stats '$file' --all-users --out '$SCRATCH/out'" \
            "jq reduce" "$jq_cmd '$file'" \
            "python3 json" "python3 '$ROOT/bench/peer_stats_json.py' '$file'"
    done
fi

if [[ " $CASES " == *" small "* ]]; then
    s=$ROOT/sample-data
    alternate "sample-data (200 jobs): stats" \
        "tally stats --user" "'$TALLY' stats '$s/history.sqlite' --user alice@example.com" \
        "tally stats --all-users" "'$TALLY' stats '$s/history.sqlite' '$s/jobs.ndjson' '$s/history.json' --all-users --out '$SCRATCH/out'"
fi

python3 - "$ROWS" <<'EOF' | tee "$RESULTS/latest.md"
import sys, statistics
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1])]
groups = {}
for inp, tool, wall, kb in rows:
    groups.setdefault(inp, {}).setdefault(tool, []).append((float(wall), int(kb)))
print("| input | tool | median wall (s) | peak memory (MB) | time / tally |")
print("|---|---|---:|---:|---:|")
for inp, tools in groups.items():
    base = statistics.median(w for w, _ in next(iter(tools.values())))
    for tool, runs in tools.items():
        wall = statistics.median(w for w, _ in runs)
        mb = statistics.median(k for _, k in runs) / 1024
        ratio = wall / base if base > 0 else float("nan")
        print(f"| {inp} | {tool} | {wall:.2f} | {mb:.0f} | {ratio:.2f}x |")
EOF

#!/usr/bin/env bash
# Benchmark: tally next to the tools a user would otherwise script together.
#
# Usage: bench/run.sh [JOBS...]        (default: 1000000 5000000)
#
# Generates the histories once with `tally sample` (cached under bench/data/,
# git-ignored), then runs tally and each peer alternately RUNS times (default 3)
# and prints: input, tool, median wall time, median peak memory, time relative
# to tally, then the ratios issue 17 asks for (tally / DuckDB on 2 threads and on 1, and
# tally's speed-up from --jobs 1 to --jobs 2, and the report's CPU over the sqlite3 CLI's CPU to
# read the same columns of the same file). The table is also written to bench/results/latest.md.
#
# Environment: RUNS (3), USERS (2000), JSON_JOBS (1000000: jobs in the NDJSON and
# JSON-array files), TALLY (.build/release/tally), CASES (sqlite report json small postgres),
# JSON_FAST (set: the JSON case runs tally and DuckDB only, not the slow jq and Python peers),
# TIMEOUT (900 s per command), PYTHON_MAX_JOBS (5000000: larger histories skip the
# Python report peer, which loads every row). Each run writes into a new directory (deleting
# thousands of files right before creating as many costs ext4 seconds).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
TALLY=${TALLY:-$ROOT/.build/release/tally}
RUNS=${RUNS:-3}
USERS=${USERS:-2000}
JSON_JOBS=${JSON_JOBS:-1000000}
CASES=${CASES:-sqlite report json small postgres}
DATA=$ROOT/bench/data
RESULTS=$ROOT/bench/results
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000000 5000000)
# The sample window: 120 days before 2026-11-29; the report covers all of it.
REPORT_ARGS=(--from 2026-07-01 --to 2026-12-01 --as-of 2026-11-29T00:00:00Z --plan "$ROOT/sample-data/plan.yaml")
GROUP_SQL='SELECT user_id, status, count(*), sum(total_documents), sum(processed_count), sum(failed_count) FROM jobs GROUP BY 1, 2'
# The report's read floor (issue 17): the sqlite3 CLI steps through every row of both tables,
# reading each column the report's SELECTs read (Input/SQLite/SQLiteSchema.swift).
sums() { local IFS=,; echo "${*/#/sum(length(}" | sed 's/,/)),/g; s/$/))/'; }
FLOOR_SQL="SELECT $(sums rowid id user_id job_type status total_documents processed_count failed_count config \
error_message started_at completed_at created_at updated_at) FROM jobs; SELECT $(sums rowid id job_id user_id title \
file_source_type file_size mime_type status processing_metadata error_message processed_at created_at) FROM documents"
# jq projects, awk groups (jq 1.6's own reduce over an object of 4000 keys ran for minutes).
JQ_FIELDS='[.user_id // "-", .status, .total_documents // 0, .processed_count // 0, .failed_count // 0] | @tsv'
AWK_GROUP='{ k = $1 " " $2; c[k]++; t[k] += $3; p[k] += $4; f[k] += $5 } END { for (k in c) print k, c[k], t[k], p[k], f[k] }'
TIMEOUT=${TIMEOUT:-900}
PYTHON_MAX_JOBS=${PYTHON_MAX_JOBS:-5000000}

mkdir -p "$DATA" "$RESULTS"
[ -x "$TALLY" ] || (cd "$ROOT" && swift build -c release --product tally)
SCRATCH=$(mktemp -d "$RESULTS/run.XXXXXX")
LOAD_BEFORE=$(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || echo unknown)
# Outputs that would cost file-system time the peers do not pay (2001 stats files) go to memory when it can.
SHM=$(mktemp -d /dev/shm/tally-bench.XXXXXX 2>/dev/null || mktemp -d "$SCRATCH/shm.XXXXXX")
PG_STOP=:
trap 'rm -rf "$SCRATCH" "$SHM"; $PG_STOP' EXIT
ROWS=$SCRATCH/rows.tsv
: >"$ROWS"

# The endpoint's own query for user id SQL literal $1 (upstream.md).
endpoint_sql() { echo "SELECT * FROM jobs WHERE user_id = $1 OR user_id IS NULL ORDER BY created_at DESC LIMIT 1000"; }

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
    rm -f "$SCRATCH/time"
    if ! /usr/bin/time -f "%e %M %U %S" -o "$SCRATCH/time" timeout "$TIMEOUT" "$@" >"$SCRATCH/stdout" 2>"$SCRATCH/stderr"; then
        echo "FAILED: $tool on $input: $*" >&2
        tail -3 "$SCRATCH/stderr" >&2
        return
    fi
    read -r wall kb user sys <"$SCRATCH/time"
    printf '%s\t%s\t%s\t%s\t%s\n' "$input" "$tool" "$wall" "$kb" "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" >>"$ROWS"
}

# alternate INPUT then pairs of TOOL and COMMAND strings: RUNS rounds, one run of each per round.
# @OUT@ in a command becomes a fresh output directory.
RUN=0
alternate() {
    local input=$1
    shift
    for ((r = 1; r <= RUNS; r++)); do
        local args=("$@")
        for ((i = 0; i < ${#args[@]}; i += 2)); do
            RUN=$((RUN + 1))
            local command=${args[i + 1]//@OUT@/$SCRATCH/out-$RUN}
            measure "$input" "${args[i]}" bash -c "${command//@SHM@/$SHM/out-$RUN}"
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
            "tally stats --all-users" "'$TALLY' stats '$db' --all-users --out @OUT@" \
            "tally stats --jobs 1" "'$TALLY' stats '$db' --all-users --jobs 1 --out @OUT@" \
            "sqlite3 GROUP BY" "sqlite3 -readonly '$db' \"$GROUP_SQL\""
    fi
    if [[ " $CASES " == *" report "* ]]; then
        report_cmds=("tally report --plan" "'$TALLY' report '$db' --out @OUT@ --quiet ${REPORT_ARGS[*]}"
            "sqlite3 read floor" "sqlite3 -readonly '$db' \"$FLOOR_SQL\" >/dev/null")
        # The Python peer holds every row in memory (10 GB at 5M jobs): above PYTHON_MAX_JOBS it
        # would swap or be killed on a 24 GB machine, so it is left out rather than timed.
        if ((n <= PYTHON_MAX_JOBS)); then
            report_cmds+=("python3 peer_report.py" "python3 '$ROOT/bench/peer_report.py' '$db' @OUT@ 2026-07-01 2026-12-01")
        fi
        alternate "$label: report" "${report_cmds[@]}"
    fi
    if [[ " $CASES " == *" sqlite "* ]]; then
        alice=$(sqlite3 -readonly "$db" "SELECT id FROM users WHERE email = 'alice@example.com'")
        alternate "$label: one user" \
            "tally stats --user --api-compat" "'$TALLY' stats '$db' --user alice@example.com --api-compat" \
            "tally stats --user" "'$TALLY' stats '$db' --user alice@example.com" \
            "sqlite3 endpoint query" "sqlite3 -readonly '$db' \"$(endpoint_sql "'$alice'")\" >/dev/null"
    fi
done

if [[ " $CASES " == *" json "* ]]; then
    # DuckDB's read_json is the yardstick for JSON (issue 17): tally at most as slow, per core and on 2 cores.
    # tally's 2001 stats files go to memory (@SHM@): DuckDB writes none, and creating them on ext4
    # cost 0.2-0.8 s of kernel time depending on what was deleted just before (not JSON reading).
    if ! python3 -c 'import duckdb' 2>/dev/null; then
        echo "installing DuckDB (pip install duckdb)" >&2
        pip install --quiet duckdb >&2 || echo "pip install duckdb failed: the DuckDB rows are left out" >&2
    fi
    duck=()
    python3 -c 'import duckdb' 2>/dev/null && duck=(
        "DuckDB read_json, 2 threads" "python3 '$ROOT/bench/peer_duckdb.py' '@FILE@' 2"
        "DuckDB read_json, 1 thread" "python3 '$ROOT/bench/peer_duckdb.py' '@FILE@' 1")
    dir=$DATA/json-$JSON_JOBS
    generate "$dir" "$JSON_JOBS" ndjson,json
    for file in "$dir/jobs.ndjson" "$dir/jobs.json"; do
        cat "$file" >/dev/null
        mb=$(($(stat -c %s "$file") / 1000000))
        if [[ $file == *.ndjson ]]; then jq_filter=$JQ_FIELDS; else jq_filter=".[] | $JQ_FIELDS"; fi
        jq_cmd="jq -r '$jq_filter' '$file' | awk -F '\\t' '$AWK_GROUP'"
        json_cmds=(
            "tally stats --all-users --jobs 2" "'$TALLY' stats '$file' --all-users --jobs 2 --out @SHM@"
            "tally stats --all-users --jobs 1" "'$TALLY' stats '$file' --all-users --jobs 1 --out @SHM@"
            "${duck[@]//@FILE@/$file}")
        [[ -z ${JSON_FAST:-} ]] && json_cmds+=(
            "jq + awk" "$jq_cmd"
            "python3 json" "python3 '$ROOT/bench/peer_stats_json.py' '$file'")
        alternate "$(basename "$file") $(human "$JSON_JOBS") jobs, $mb MB: stats" "${json_cmds[@]}"
    done
fi

if [[ " $CASES " == *" postgres "* ]]; then
    source "$ROOT/bench/postgres.sh"
fi

if [[ " $CASES " == *" small "* ]]; then
    s=$ROOT/sample-data
    alternate "sample-data (200 jobs): stats" \
        "tally stats --user" "'$TALLY' stats '$s/history.sqlite' --user alice@example.com" \
        "tally stats --all-users" "'$TALLY' stats '$s/history.sqlite' '$s/jobs.ndjson' '$s/history.json' --all-users --out @OUT@"
fi

cp "$ROWS" "$RESULTS/rows-$(date -u +%Y%m%dT%H%M%SZ).tsv"
MACHINE="$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //')), $(free -g 2>/dev/null | awk '/Mem:/ {print $2}') GB RAM, $(uname -sr); load before the runs: $LOAD_BEFORE"
python3 - "$ROWS" "$MACHINE" <<'EOF2' | tee "$RESULTS/latest.md"
import sys, statistics
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1])]
print(f"Machine: {sys.argv[2]}\n")
groups = {}
cpus = {}
for inp, tool, wall, kb, cpu in rows:
    groups.setdefault(inp, {}).setdefault(tool, []).append((float(wall), int(kb)))
    cpus.setdefault((inp, tool), []).append(float(cpu))
print("| input | tool | median wall (s) | median CPU, user + sys (s) | peak memory (MB) | time / tally |")
print("|---|---|---:|---:|---:|---:|")
medians = {}
for inp, tools in groups.items():
    base = statistics.median(w for w, _ in next(iter(tools.values())))
    for tool, runs in tools.items():
        wall = statistics.median(w for w, _ in runs)
        medians[(inp, tool)] = wall
        mb = statistics.median(k for _, k in runs) / 1024
        ratio = wall / base if base > 0 else float("nan")
        cpu = statistics.median(cpus[(inp, tool)])
        print(f"| {inp} | {tool} | {wall:.2f} | {cpu:.2f} | {mb:.0f} | {ratio:.2f}x |")

# Issue 17's targets for JSON: tally / DuckDB <= 1.0 on 2 threads and on 1; --jobs 1 -> 2 at least 1.7x.
ratios = []
for inp in groups:
    m = lambda tool: medians.get((inp, tool))
    for threads, tally, duck in [(2, "tally stats --all-users --jobs 2", "DuckDB read_json, 2 threads"),
                                 (1, "tally stats --all-users --jobs 1", "DuckDB read_json, 1 thread")]:
        if m(tally) and m(duck):
            r = m(tally) / m(duck)
            ratios.append(f"| {inp} | tally / DuckDB, {threads} thread{'s' if threads > 1 else ''} | {r:.2f} | {'met' if r <= 1.0 else 'NOT met'} (<= 1.0) |")
    one, two = m("tally stats --all-users --jobs 1"), m("tally stats --all-users --jobs 2")
    if one and two:
        s = one / two
        ratios.append(f"| {inp} | tally speed-up --jobs 1 -> 2 | {s:.2f}x | {'met' if s >= 1.7 else 'NOT met'} (>= 1.7x) |")
    # The report's target: its CPU at most 3x the CPU of reading its own input (sqlite3 stepping every row).
    report, floor = cpus.get((inp, "tally report --plan")), cpus.get((inp, "sqlite3 read floor"))
    if report and floor:
        r = statistics.median(report) / statistics.median(floor)
        ratios.append(f"| {inp} | tally report CPU / sqlite3 read CPU | {r:.2f} | {'met' if r <= 3.0 else 'NOT met'} (<= 3.0) |")
    # Issue 13's PostgreSQL targets: streaming <= 1.3x psql COPY of the same SELECT; push-down <= 1.2x psql sending its queries.
    for tally, peer, target in [("tally stats --all-users", "psql COPY binary (same SELECT)", 1.3),
                                ("tally stats --all-users --push-down", "psql: the same push-down queries", 1.2),
                                ("tally report --push-down", "psql: the same push-down queries", 1.2)]:
        if m(tally) and m(peer):
            r = m(tally) / m(peer)
            ratios.append(f"| {inp} | {tally} / {peer} | {r:.2f} | {'met' if r <= target else 'NOT met'} (<= {target}) |")
if ratios:
    print("\n| input | ratio (medians: wall time, or CPU where it says so) | value | target |")
    print("|---|---|---:|---|")
    print("\n".join(ratios))
EOF2

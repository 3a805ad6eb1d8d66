#!/usr/bin/env bash
# Soak test: the full report, N times, on a 1M-job SQLite history that another process
# keeps writing to in WAL mode. Records every exit code and peak RSS, prints a summary.
#
#   scripts/soak.sh [RUNS] [JOBS]        (defaults: 50 runs, 1000000 jobs)
#
# Needs python3 (sqlite3 module) and GNU time (/usr/bin/time -v). Work directory:
# $SOAK_DIR (default: a new directory under /tmp), kept for inspection.
set -uo pipefail
runs="${1:-50}"
jobs="${2:-1000000}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${SOAK_DIR:-$(mktemp -d /tmp/tally-soak.XXXXXX)}"
mkdir -p "$work"
cd "$root"
swift build -c release --product tally 2>&1 | tail -1
tally="$root/.build/release/tally"

if [ ! -s "$work/history.sqlite" ]; then
    "$tally" sample --out "$work" --jobs "$jobs" --users 200 --formats sqlite --no-anomalies
fi
python3 - "$work/history.sqlite" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1]); db.execute("PRAGMA journal_mode=WAL"); db.close()
PY

# The writer: small transactions inserting and updating jobs until told to stop.
cat > "$work/writer.py" <<'PY'
import os, random, sqlite3, sys, time, uuid
path, stop = sys.argv[1], sys.argv[2]
db = sqlite3.connect(path, timeout=30, isolation_level=None)
db.execute("PRAGMA journal_mode=WAL")
users = [r[0] for r in db.execute("SELECT id FROM users LIMIT 50")]
commits = 0
while not os.path.exists(stop):
    db.execute("BEGIN IMMEDIATE")
    for _ in range(20):
        now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        db.execute("INSERT INTO jobs (id, user_id, job_type, status, total_documents, processed_count, failed_count, created_at, updated_at) VALUES (?, ?, 'single', 'pending', 1, 0, 0, ?, ?)",
                   (str(uuid.uuid4()), random.choice(users), now, now))
    db.execute("UPDATE jobs SET status='completed', processed_count=total_documents, completed_at=updated_at WHERE rowid IN (SELECT rowid FROM jobs WHERE status='pending' ORDER BY random() LIMIT 10)")
    db.execute("COMMIT")
    commits += 1
    time.sleep(0.05)
print(f"writer: {commits} transactions", flush=True)
PY
rm -f "$work/stop"
python3 "$work/writer.py" "$work/history.sqlite" "$work/stop" > "$work/writer.log" 2>&1 &
writer=$!

log="$work/runs.tsv"
printf 'run\texit\tseconds\tpeak_rss_kb\n' > "$log"
for i in $(seq 1 "$runs"); do
    /usr/bin/time -v -o "$work/time.$i" "$tally" report "$work/history.sqlite" --out "$work/out" \
        --period this-month --log-level error > /dev/null 2> "$work/stderr.$i"
    code=$?
    rss=$(awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}' "$work/time.$i")
    secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.$i")
    printf '%s\t%s\t%s\t%s\n' "$i" "$code" "$secs" "$rss" >> "$log"
    printf 'run %d: exit %d, %s, peak RSS %s KB\n' "$i" "$code" "$secs" "$rss"
    [ "$code" -ne 0 ] && head -1 "$work/stderr.$i"
done
touch "$work/stop"
wait "$writer"
cat "$work/writer.log"
leftovers=$(find "$work" -maxdepth 1 -name '.out.tmp*' | wc -l)
echo "== summary ($runs runs, $jobs jobs, $work)"
awk -F'\t' 'NR > 1 { n++; codes[$2]++; if (min == "" || $4 < min) min = $4; if ($4 > max) max = $4; sum += $4 }
    END { for (c in codes) printf "exit %s: %d runs\n", c, codes[c];
          printf "peak RSS KB: min %d, mean %d, max %d\n", min, sum / n, max }' "$log"
echo "temporary directories left beside --out: $leftovers"

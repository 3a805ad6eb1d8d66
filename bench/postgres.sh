# The PostgreSQL case of bench/run.sh (sourced by it): tally reading the database
# next to psql reading the same rows.
#
# A cluster of its own under bench/data/pg (Unix socket only, run as the postgres
# OS user when root), kept between runs; each size's SQLite history is loaded
# once with scripts/pg-sample.sh (1M jobs: about 2.5 minutes). Skipped, with a
# line on stderr, when no PostgreSQL server programs are installed
# (apt-get install postgresql; PG_BINDIR overrides the search).

pg_bin=${PG_BINDIR:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/pg_ctl" ]; then
    echo "skipped: the postgres case (no PostgreSQL server programs; apt-get install postgresql)" >&2
    return 0
fi
pg_dir=$DATA/pg
pg_as=()
[ "$(id -u)" = 0 ] && pg_as=(runuser -u postgres --)
if [ ! -f "$pg_dir/data/PG_VERSION" ]; then
    mkdir -p "$pg_dir"
    [ ${#pg_as[@]} -gt 0 ] && chown postgres: "$pg_dir"
    "${pg_as[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U tally -A trust -E UTF8 --locale=C >/dev/null
fi
# A server left running by an interrupted run is stopped first.
"${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" status >/dev/null 2>&1 && "${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null
"${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w \
    -o "-c listen_addresses='' -k $pg_dir" start >/dev/null
pg_stop() { "${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null; }
PG_STOP=pg_stop

# The SELECT `tally stats --all-users` streams (jobs without config and error_message), for psql to stream too.
PG_STATS_SQL='SELECT j.ctid, j."id", j."user_id", j."job_type", j."status", j."total_documents", j."processed_count", j."failed_count", NULL, NULL, j."started_at", j."completed_at", j."created_at", j."updated_at" FROM jobs AS j'

# pg_capture FILE PATTERN COMMAND...: the statements (containing PATTERN) a tally run sends, from the server's
# log, into FILE for psql -f.
pg_capture() {
    local file=$1 pattern=$2
    shift 2
    local log=$pg_dir/log mark
    mark=$(wc -c <"$log")
    PGOPTIONS="-c log_statement=all" "$@" >/dev/null 2>&1
    tail -c +"$((mark + 1))" "$log" | PATTERN=$pattern python3 -c '
import os, re, sys
text = sys.stdin.read()
# "execute <unnamed>": a statement sent with PQexecParams (the bound query).
statements = re.findall(r"(?:statement|execute <unnamed>): (.*?)(?=\n\d{4}-\d\d-\d\d \d\d:\d\d:\d\d|\Z)", text, re.S)
print("".join(s.strip() + ";\n" for s in statements if os.environ["PATTERN"] in s))' >"$file"
}

for n in "${SIZES[@]}"; do
    database=jobs_$n
    uri="postgresql://tally@/$database?host=$pg_dir"
    if [ ! -f "$pg_dir/loaded-$n" ]; then
        generate "$DATA/sqlite-$n" "$n" sqlite
        psql -X -q -d "postgresql://tally@/postgres?host=$pg_dir" -c "DROP DATABASE IF EXISTS $database" -c "CREATE DATABASE $database"
        echo "loading $n jobs into PostgreSQL" >&2
        /usr/bin/time -f "  loaded in %e s" "$ROOT/scripts/pg-sample.sh" --sqlite "$DATA/sqlite-$n/history.sqlite" "$uri" >&2
        touch "$pg_dir/loaded-$n"
    fi
    psql -X -q -d "$uri" -c "COPY ($PG_STATS_SQL) TO STDOUT (FORMAT binary)" >/dev/null # warm shared buffers and the page cache
    label="PostgreSQL $(human "$n") jobs"
    alternate "$label: stream jobs" \
        "tally stats --all-users" "'$TALLY' stats '$uri' --all-users --out @SHM@" \
        "tally stats --all-users --jobs 1" "'$TALLY' stats '$uri' --all-users --jobs 1 --out @SHM@" \
        "psql COPY binary (same SELECT)" "psql -X -d '$uri' -c 'COPY ($PG_STATS_SQL) TO STDOUT (FORMAT binary)' >/dev/null" \
        "psql COPY text (same SELECT)" "psql -X -d '$uri' -c 'COPY ($PG_STATS_SQL) TO STDOUT' >/dev/null"
    alice=$(psql -X -A -t -d "$uri" -c "SELECT id FROM users WHERE email = 'alice@example.com'")
    # tally's one-user queries, as `tally stats --user --api-compat` sends them (docs/postgresql.md): the
    # created_at bound looked for and checked, then the COPY narrowed by it, captured from the server's log.
    pg_capture "$SCRATCH/one-user-$n.sql" 'jobs AS j' "$TALLY" stats "$uri" --user alice@example.com --api-compat
    alternate "$label: one user" \
        "tally stats --user --api-compat" "'$TALLY' stats '$uri' --user alice@example.com --api-compat" \
        "tally stats --user" "'$TALLY' stats '$uri' --user alice@example.com" \
        "psql: tally's one-user queries" "psql -X -q -d '$uri' -f '$SCRATCH/one-user-$n.sql' >/dev/null" \
        "psql: endpoint query" "psql -X -d '$uri' -c \"$(endpoint_sql "'$alice'")\" >/dev/null"
    # The queries alone, on the server: psql's \timing summed over tally's statements (the endpoint's one
    # query), the median of five, next to the target.
    echo "$(endpoint_sql "'$alice'");" >"$SCRATCH/endpoint-$n.sql"
    for file in one-user endpoint; do
        for _ in 1 2 3 4 5; do
            psql -X -q -d "$uri" -o /dev/null -c '\timing on' -f "$SCRATCH/$file-$n.sql" | awk '/^Time: / { t += $2 } END { print t }'
        done | sort -n | sed -n 3p | sed "s|^|  $label: $file queries' time (psql \\\\timing, median of 5): |; s|\$| ms (target: under 50 ms)|" >&2
    done
done

# --push-down: tally's GROUP BY and window queries next to psql sending the very same queries
# (captured from the server's log of one tally run), for stats --all-users and the report.
pg_push_sql() { # FILE COMMAND...: writes the COPY statements a tally run sends into FILE, for psql -f
    local file=$1
    shift
    local log=$pg_dir/log mark
    mark=$(wc -c <"$log")
    PGOPTIONS="-c log_statement=all" "$@" >/dev/null 2>&1
    tail -c +"$((mark + 1))" "$log" | python3 -c '
import re, sys
text = sys.stdin.read()
queries = re.findall(r"statement: (COPY \(.*?\) TO STDOUT \(FORMAT binary\))", text, re.S)
# The aggregate queries and narrowed streams of the push-down, not the users or the rows a read would skip
# (WHERE NOT COALESCE((<usable condition>), false)), which a run streams too for their warnings.
# ("NOT COALESCE" alone also matched the aggregates over documents, leaving them out of the psql side.)
skipped = re.compile(r"NOT COALESCE\(\(\w\.id IS NOT NULL")
print("".join(q + ";\n" for q in queries if "FROM users" not in q and not skipped.search(q)))' >"$file"
}
for n in "${SIZES[@]}"; do
    uri="postgresql://tally@/jobs_$n?host=$pg_dir"
    label="PostgreSQL $(human "$n") jobs"
    pg_push_sql "$SCRATCH/stats-$n.sql" "$TALLY" stats "$uri" --all-users --push-down --jobs 1 --out "$SHM/capture-stats"
    report_args="--from 2026-07-01 --to 2026-12-01 --as-of 2026-11-29T00:00:00Z --format json,csv"
    pg_push_sql "$SCRATCH/report-$n.sql" "$TALLY" report "$uri" $report_args --push-down --jobs 1 --out "$SHM/capture-report"
    alternate "$label: stats push-down" \
        "tally stats --all-users --push-down" "'$TALLY' stats '$uri' --all-users --push-down --out @SHM@" \
        "psql: the same push-down queries" "psql -X -q -d '$uri' -f '$SCRATCH/stats-$n.sql' >/dev/null" \
        "tally stats --all-users (streaming)" "'$TALLY' stats '$uri' --all-users --out @SHM@"
    alternate "$label: report push-down" \
        "tally report --push-down" "'$TALLY' report '$uri' $report_args --push-down --out @SHM@" \
        "psql: the same push-down queries" "psql -X -q -d '$uri' -f '$SCRATCH/report-$n.sql' >/dev/null" \
        "tally report (streaming)" "'$TALLY' report '$uri' $report_args --out @SHM@"
done

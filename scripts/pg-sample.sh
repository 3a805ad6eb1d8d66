#!/usr/bin/env bash
# Loads a job history into PostgreSQL in the upstream service's own column types
# (uuid, timestamptz, jsonb, integer counters; docs/postgresql.md).
#
# Usage:
#   scripts/pg-sample.sh [--replace] DATABASE [tally sample options...]
#       generate a history with `tally sample` (default: its 600 jobs, seed 42) and load it
#   scripts/pg-sample.sh [--replace] --sqlite FILE DATABASE
#       load an existing SQLite history in the upstream schema
#
# DATABASE is anything psql accepts: postgresql://user@host/db, service=NAME, a
# database name (PG* variables apply). The database must exist; --replace drops
# its users, jobs and documents tables first. Timestamps keep their instant to
# the microsecond (a 7th to 9th fraction digit is cut, as tally cuts it, not
# rounded); naive ones mean UTC. Needs psql and sqlite3.
#
# Environment: TALLY (the binary for generating; default .build/release/tally,
# else tally on PATH).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
replace=0
sqlite=""
while [ $# -gt 0 ]; do
    case $1 in
    --replace) replace=1; shift ;;
    --sqlite) sqlite=$2; shift 2 ;;
    -h | --help) sed -n '2,19p' "$0"; exit 0 ;;
    *) break ;;
    esac
done
[ $# -ge 1 ] || { echo "usage: $0 [--replace] [--sqlite FILE] DATABASE [sample options...]" >&2; exit 64; }
database=$1
shift
command -v psql >/dev/null || { echo "pg-sample.sh: psql not found (apt-get install postgresql-client)" >&2; exit 69; }
command -v sqlite3 >/dev/null || { echo "pg-sample.sh: sqlite3 not found (apt-get install sqlite3)" >&2; exit 69; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -z "$sqlite" ]; then
    tally=${TALLY:-$ROOT/.build/release/tally}
    [ -x "$tally" ] || tally=$(command -v tally) || { echo "pg-sample.sh: no tally binary (set TALLY)" >&2; exit 69; }
    "$tally" sample --out "$work/sample" --formats sqlite "$@" >&2
    sqlite=$work/sample/history.sqlite
fi
[ -r "$sqlite" ] || { echo "pg-sample.sh: $sqlite: cannot be read" >&2; exit 66; }
# \copy FROM PROGRAM takes a quoted command line: give it a path without quotes or spaces.
ln -s "$(cd "$(dirname "$sqlite")" && pwd)/$(basename "$sqlite")" "$work/history.sqlite"
db=$work/history.sqlite
has() { [ "$(sqlite3 "$db" "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '$1'")" = 1 ]; }

# A timestamp column for PostgreSQL: fraction digits past the 6th cut (PostgreSQL would round them).
cut() { echo "CASE WHEN instr($1, '.') > 0 AND substr($1, instr($1, '.') + 1, 7) GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9]' THEN substr($1, 1, instr($1, '.') + 6) || ltrim(substr($1, instr($1, '.') + 7), '0123456789') ELSE $1 END"; }
# copy TABLE COLUMNS...: one table straight from sqlite3's CSV into the table created in the same
# transaction. COPY then skips the free-space map, so rows lie in rowid order and tally reads them in it.
copy() {
    local table=$1 select=() column
    shift
    for column in "$@"; do
        case $column in *_at) select+=("$(cut "$column")") ;; *) select+=("$column") ;; esac
    done
    local list program
    list=$(IFS=,; echo "$*")
    program="sqlite3 -csv $db \"SELECT $(IFS=,; echo "${select[*]}") FROM $table ORDER BY rowid\""
    echo "\\copy $table ($list) FROM PROGRAM '${program//\'/\'\'}' CSV"
}

{
    echo "\\set ON_ERROR_STOP on"
    echo "SET client_min_messages = warning;"
    echo "SET TimeZone = 'UTC';"
    echo "BEGIN;"
    if [ $replace = 1 ]; then
        echo "DROP TABLE IF EXISTS documents, jobs, users CASCADE;"
        echo "DROP FUNCTION IF EXISTS set_updated_at() CASCADE;"
    fi
    cat "$ROOT/scripts/pg-schema.sql"
    if has users; then
        copy users id email password_hash full_name is_active is_verified created_at updated_at
    fi
    copy jobs id user_id job_type status total_documents processed_count failed_count config error_message \
        started_at completed_at created_at updated_at
    if has documents; then
        copy documents id job_id user_id title file_path file_source_type file_size mime_type status tags \
            extracted_text processing_metadata error_message processed_at created_at updated_at
    fi
    cat "$ROOT/scripts/pg-indexes.sql"
    echo "COMMIT;"
} >"$work/load.sql"
psql -X -q -d "$database" -f "$work/load.sql"
psql -X -q -A -t -d "$database" -c "SELECT 'loaded: ' || (SELECT count(*) FROM users) || ' users, ' || (SELECT count(*) FROM jobs) || ' jobs, ' || (SELECT count(*) FROM documents) || ' documents'" >&2

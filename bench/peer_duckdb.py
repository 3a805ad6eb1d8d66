#!/usr/bin/env python3
"""DuckDB's `read_json` doing what `tally stats --all-users` counts, as a peer in the benchmark.

Per user and status: jobs, and the sums of total_documents, processed_count and
failed_count, over NDJSON or a JSON array (DuckDB detects which), on THREADS
threads. Prints the groups as TSV.

Usage: peer_duckdb.py FILE THREADS > counts.tsv   (needs `pip install duckdb`)
"""

import sys

import duckdb


def main(path, threads):
    con = duckdb.connect()
    con.execute(f"SET threads = {int(threads)}")
    rows = con.execute(
        "SELECT user_id, status, count(*), sum(total_documents), sum(processed_count), sum(failed_count) "
        "FROM read_json(?) GROUP BY 1, 2",
        [path],
    ).fetchall()
    out = sys.stdout
    for row in rows:
        out.write("\t".join("" if v is None else str(v) for v in row) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

#!/usr/bin/env python3
"""Python's `json` doing what `tally stats --all-users` counts, as a peer in the benchmark.

Per user and status: jobs, and the sums of total_documents, processed_count and
failed_count. NDJSON is read line by line; a JSON array is loaded whole.

Usage: peer_stats_json.py FILE > counts.tsv
"""

import json
import sys
from collections import defaultdict


def main(path):
    groups = defaultdict(lambda: [0, 0, 0, 0])

    def add(job):
        row = groups[(job.get("user_id"), job.get("status"))]
        row[0] += 1
        row[1] += job.get("total_documents") or 0
        row[2] += job.get("processed_count") or 0
        row[3] += job.get("failed_count") or 0

    with open(path, "rb") as f:
        first = f.read(1)
        f.seek(0)
        if first == b"[":
            for job in json.load(f):
                add(job)
        else:
            for line in f:
                if line.strip():
                    add(json.loads(line))
    out = sys.stdout
    for (user, status), row in groups.items():
        out.write(f"{user}\t{status}\t{row[0]}\t{row[1]}\t{row[2]}\t{row[3]}\n")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])

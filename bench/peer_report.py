#!/usr/bin/env python3
"""The obvious Python script a user would write instead of `tally report`.

Standard library only (pandas is not installed on the benchmark machine):
load the jobs and documents of a SQLite history (fetchall), keep those created in
[FROM, TO) (UTC days), group by customer, day and status, and write CSV files:

  peer_by_customer.csv  customer, jobs, documents, processed, failed, tokens
  peer_daily.csv        day, status, jobs, documents processed, documents failed

Usage: peer_report.py HISTORY.sqlite OUT_DIR FROM TO   (dates as YYYY-MM-DD)
"""

import csv
import json
import os
import sqlite3
import sys
from collections import defaultdict
from datetime import datetime, timezone


def day_of(text):
    """The UTC day of a timestamp as the upstream service spells it, or None."""
    if text is None:
        return None
    try:
        value = datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    except ValueError:
        try:
            return datetime.fromtimestamp(float(text), timezone.utc).date().isoformat()
        except ValueError:
            return None
    if value.tzinfo is not None:
        value = value.astimezone(timezone.utc)
    return value.date().isoformat()


def main(path, out, first, last):
    os.makedirs(out, exist_ok=True)
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    customers = defaultdict(lambda: [0, 0, 0, 0, 0])
    daily = defaultdict(lambda: [0, 0, 0])
    job_days = {}

    jobs = db.execute(
        "SELECT id, user_id, status, created_at, total_documents, processed_count, failed_count FROM jobs"
    ).fetchall()
    for job_id, user, status, created, total, processed, failed in jobs:
        day = day_of(created)
        if day is None or not (first <= day < last):
            continue
        job_days[job_id] = day
        row = customers[user or "(anonymous)"]
        row[0] += 1
        row[1] += total or 0
        row[2] += processed or 0
        row[3] += failed or 0
        daily[(day, status)][0] += 1

    del jobs
    documents = db.execute(
        "SELECT job_id, user_id, status, processed_at, processing_metadata FROM documents"
    ).fetchall()
    for job_id, user, status, processed_at, metadata in documents:
        if job_id not in job_days:
            continue
        tokens = 0
        if metadata:
            tokens = json.loads(metadata).get("tokens_used") or 0
        customers[user or "(anonymous)"][4] += tokens
        day = day_of(processed_at) or job_days[job_id]
        if status == "success":
            daily[(day, "documents")][1] += 1
        elif status == "failed":
            daily[(day, "documents")][2] += 1

    with open(os.path.join(out, "peer_by_customer.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["customer", "jobs", "documents", "processed", "failed", "tokens"])
        for user in sorted(customers):
            w.writerow([user, *customers[user]])
    with open(os.path.join(out, "peer_daily.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["day", "status", "jobs", "documents_processed", "documents_failed"])
        for key in sorted(daily):
            w.writerow([*key, *daily[key]])


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(*sys.argv[1:])

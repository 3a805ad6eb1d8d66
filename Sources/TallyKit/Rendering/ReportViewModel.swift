/// The view model both document templates receive: every number and date already
/// formatted for people (report zone, thousands separators), as nested dictionaries
/// (which swift-mustache reads through `MustacheParent`, fast).
///
/// Every key is documented in `templates/README.md`; keep the two in step.
struct ReportViewModel {
    typealias Node = [String: Any]

    let report: UsageReport
    let format: DisplayFormat
    /// Maximum customer rows shown (the CSV has them all).
    let customerCap: Int
    /// Maximum error clusters shown.
    let errorCap: Int

    /// The whole view model.
    func build() -> Node {
        let r = report
        return [
            "title": "Usage report \(r.period.label)",
            "period": period(),
            "generatedAt": instant(r.generatedAt),
            "userFilter": r.userFilter.map { ["value": $0] },
            "hasUserFilter": !r.userFilter.isEmpty,
            "hasPrevious": r.previousTotals != nil,
            "headline": headline(),
            "jobsByStatus": breakdown(r.totals.jobsByStatus, previous: r.previousTotals?.jobsByStatus, total: r.totals.jobs),
            "jobsByType": breakdown(r.totals.jobsByType, previous: r.previousTotals?.jobsByType, total: r.totals.jobs),
            "throughput": throughput(),
            "durations": durations(),
            "errors": errors(),
            "failureTables": failureTables(),
            "activity": activity(),
            "customers": customers(),
            "timeSeries": timeSeries(),
            "dataQuality": dataQuality(),
            "sources": r.sources.map { ["name": $0.name, "format": $0.format, "rows": format.count($0.rows)] },
            "billing": billing() as Any,
        ]
    }

    /// `{local, short, date, iso}`: `2026-03-01 14:05 +01:00`, `2026-03-01 14:05`, `2026-03-01` (report zone) and ISO UTC.
    func instant(_ i: Instant?) -> Node {
        guard let i else { return ["local": "–", "iso": "", "short": "–", "date": "–"] }
        return [
            "local": format.minute(i) + " " + format.offset(at: i), "iso": i.isoString, "short": format.minute(i),
            "date": format.date(i).description,
        ]
    }

    func period() -> Node {
        let p = report.period
        return [
            "label": p.label, "zone": p.zoneID, "from": instant(p.from), "to": instant(p.to),
            "asOf": instant(p.asOf), "previousFrom": instant(p.previousFrom), "previousTo": instant(p.previousTo),
            "stuckAfter": format.duration(micros: p.stuckAfterMicros),
        ]
    }

    func headline() -> [Node] {
        let t = report.totals, p = report.previousTotals
        func trend(_ rise: Bool, _ fall: Bool, goodWhenRising: Bool = true) -> String {
            rise ? (goodWhenRising ? "good" : "bad") : fall ? (goodWhenRising ? "bad" : "good") : "flat"
        }
        func card(_ label: String, _ value: Int64, _ previous: Int64?, goodWhenRising: Bool = true) -> Node {
            var node: Node = ["label": label, "value": format.count(value)]
            if let previous {
                node["previous"] = format.count(previous)
                node["change"] = format.change(value, from: previous)
                node["trend"] = trend(value > previous, value < previous, goodWhenRising: goodWhenRising)
            }
            return node
        }
        func rate(_ label: String, _ value: Ratio, _ previous: Ratio?) -> Node {
            var node: Node = ["label": label, "value": format.percent(value)]
            if let previous {
                node["previous"] = format.percent(previous)
                node["change"] = format.pointChange(value, from: previous)
                let fractions = (value.fraction ?? 0, previous.fraction ?? 0)
                node["trend"] = trend(fractions.0 > fractions.1, fractions.0 < fractions.1)
            }
            return node
        }
        return [
            card("Jobs", t.jobs, p?.jobs), card("Documents", t.documents, p?.documents),
            card("Processed", t.processed, p?.processed), card("Failed", t.failed, p?.failed, goodWhenRising: false),
            rate("Success rate", t.successRate, p?.successRate),
            rate("Job completion rate", t.jobCompletionRate, p?.jobCompletionRate),
        ]
    }

    func breakdown(_ list: [NamedCount], previous: [NamedCount]?, total: Int64) -> [Node] {
        list.map { item in
            var node: Node = ["name": item.name, "count": format.count(item.count), "share": format.percent(Ratio(item.count, of: total))]
            if let previous {
                let before = previous.first { $0.name == item.name }?.count ?? 0
                node["previous"] = format.count(before)
                node["change"] = format.change(item.count, from: before)
            }
            return node
        }
    }

    func throughput() -> Node {
        let t = report.throughput
        return [
            "jobWallTime": format.duration(micros: t.jobWallTimeMicros),
            "documentProcessingTime": format.duration(micros: t.documentProcessingMicros),
            "tokens": format.count(t.tokens), "bytes": format.bytes(t.bytes),
            "documentsPerDay": t.documentsPerDay.map { ["date": $0.date.description, "count": format.count($0.count)] },
            "hours": t.documentsByHourOfDay.enumerated().map { ["hour": DisplayFormat.pad2(Int64($0.offset)), "count": format.count($0.element)] },
        ]
    }

    func durations() -> Node {
        let d = report.durations
        func stats(_ s: DurationStats) -> Node {
            [
                "count": format.count(s.count), "p50": format.duration(s.p50Micros), "p90": format.duration(s.p90Micros),
                "p99": format.duration(s.p99Micros), "max": format.duration(s.maxMicros),
            ]
        }
        func row(_ r: DurationRow) -> Node {
            ["jobType": r.jobType ?? "All job types", "overall": r.jobType == nil, "queueWait": stats(r.queueWait), "runTime": stats(r.runTime)]
        }
        return ["method": d.method, "rows": [row(d.overall)] + d.byJobType.map(row)]
    }

    func errors() -> Node {
        let e = report.errors
        let shown = e.clusters.prefix(errorCap)
        return [
            "totalFailures": format.count(e.totalFailures), "clusterCount": format.count(e.clusterCount),
            "hasClusters": !shown.isEmpty, "shownCount": format.count(Int64(shown.count)),
            "more": e.clusterCount > Int64(shown.count),
            "clusters": shown.enumerated().map { i, c in
                [
                    "rank": String(i + 1), "normalized": c.normalizedMessage, "example": c.exampleMessage,
                    "count": format.count(c.count), "jobs": format.count(c.jobs), "documents": format.count(c.documents),
                    "firstSeen": instant(c.firstSeen), "lastSeen": instant(c.lastSeen), "share": format.percent(c.shareOfFailures),
                ] as Node
            },
        ]
    }

    func failureTables() -> [Node] {
        let e = report.errors
        let tables: [(String, String, String, [FailureRateRow])] = [
            ("by-job-type", "Job failure rate by job type", "Job type", e.byJobType),
            ("by-model", "Job failure rate by model", "Model", e.byModel),
            ("by-source", "Document failure rate by file source type", "File source type", e.byFileSourceType),
            ("by-method", "Document failure rate by extraction method", "Extraction method", e.byExtractionMethod),
        ]
        return tables.map { id, title, column, rows in
            [
                "id": id, "title": title, "column": column, "hasRows": !rows.isEmpty,
                "rows": rows.map { r in
                    ["name": r.name ?? "(none)", "total": format.count(r.total), "failed": format.count(r.failed), "rate": format.percent(r.rate)] as Node
                },
            ]
        }
    }

    func activeJob(_ j: ActiveJob) -> Node {
        [
            "id": j.id, "user": j.email ?? j.userID ?? "anonymous", "jobType": j.jobType, "status": j.status,
            "created": instant(j.createdAt), "started": instant(j.startedAt), "age": format.duration(micros: j.ageMicros),
        ]
    }

    func activity() -> Node {
        let a = report.activity
        let active = a.processing + a.pending
        return [
            "pendingCount": format.count(a.pendingCount), "processingCount": format.count(a.processingCount),
            "stuckCount": format.count(a.stuckCount), "hasActive": !active.isEmpty, "hasStuck": !a.stuck.isEmpty,
            "active": active.map(activeJob), "stuck": a.stuck.map(activeJob),
            "activeCapped": Int64(active.count) < a.pendingCount + a.processingCount,
            "stuckCapped": Int64(a.stuck.count) < a.stuckCount,
            "hasCompletions": !a.newestCompletions.isEmpty,
            "completions": a.newestCompletions.map { j in
                [
                    "id": j.id, "user": j.email ?? j.userID ?? "anonymous", "jobType": j.jobType, "status": j.status,
                    "completed": instant(j.completedAt), "runTime": format.duration(j.runTimeMicros),
                    "documents": format.count(j.totalDocuments), "processed": format.count(j.processed), "failed": format.count(j.failed),
                ] as Node
            },
        ]
    }

    func customers() -> Node {
        let all = report.customers
        let shown = all.prefix(customerCap)
        return [
            "count": format.count(Int64(all.count)), "shown": format.count(Int64(shown.count)),
            "capped": all.count > shown.count, "hasRows": !shown.isEmpty, "csv": "usage_by_customer.csv",
            "rows": shown.map { c in
                [
                    "userID": c.userID ?? "", "anonymous": c.userID == nil,
                    "user": c.email ?? c.userID ?? "anonymous", "email": c.email ?? "", "name": c.name ?? "",
                    "jobs": format.count(c.jobs), "documents": format.count(c.documents), "processed": format.count(c.processed),
                    "failed": format.count(c.failed), "successRate": format.percent(c.successRate),
                    "processingTime": format.duration(micros: c.processingMicros), "tokens": format.count(c.tokens),
                    "firstActivity": instant(c.firstActivity), "lastActivity": instant(c.lastActivity),
                ] as Node
            },
        ]
    }

    func timeSeries() -> Node {
        let s = report.timeSeries
        return [
            "granularity": s.granularity.rawValue, "hasBuckets": !s.buckets.isEmpty,
            "buckets": s.buckets.map { b in
                [
                    "label": b.label, "start": instant(b.start), "jobs": format.count(b.jobsCreated),
                    "processed": format.count(b.documentsProcessed), "failed": format.count(b.documentsFailed),
                ] as Node
            },
        ]
    }

    func dataQuality() -> Node {
        let q = report.dataQuality
        return [
            "hasSkipped": !q.skipped.isEmpty, "duplicatesMerged": format.count(q.duplicatesMerged),
            "skippedTotal": format.count(q.skipped.reduce(0) { $0 + $1.count }),
            "skipped": q.skipped.map { s in
                ["source": s.source, "reason": s.reason, "count": format.count(s.count), "examples": s.examples.map { ["text": $0] }] as Node
            },
            "checks": q.checks.map { _, label, check in
                [
                    "label": label, "count": check.map { format.count($0.count) } ?? "not checked",
                    "ok": (check?.count ?? 0) == 0, "examples": (check?.exampleJobIDs ?? []).map { ["id": $0] },
                ] as Node
            },
        ]
    }

    func billing() -> Node? {
        guard let b = report.billing else { return nil }
        // A relative path only: no scheme, no protocol-relative or absolute URL.
        let allowed = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-/".unicodeScalars
        let safe = !b.link.isEmpty && !b.link.hasPrefix("/") && b.link.unicodeScalars.allSatisfy { allowed.contains($0) }
        return [
            "invoices": format.count(b.invoices), "link": safe ? b.link : "billing.html",
            "totals": b.totals.map { ["currency": $0.currency, "amount": $0.amount] },
        ]
    }
}

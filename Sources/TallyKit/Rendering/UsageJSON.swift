/// `usage.json`: the whole `UsageReport` with a fixed key order and `schema_version: 1`.
///
/// Timestamps are ISO 8601 UTC strings, durations integer microseconds (keys end
/// in `_us`), rates objects `{numerator, denominator, fraction}` (fraction `null` for 0/0).
enum UsageJSON {
    /// The current schema version of `usage.json`.
    static let schemaVersion = 1

    /// The report as JSON text.
    static func render(_ r: UsageReport) -> String {
        OrderedJSON.object([
            ("schema_version", .int(schemaVersion)),
            ("generated_at", .instant(r.generatedAt)),
            ("period", period(r.period)),
            ("user_filter", .array(r.userFilter.map { .string($0) })),
            ("totals", totals(r.totals)),
            ("previous_totals", r.previousTotals.map(totals) ?? .null),
            ("throughput", throughput(r.throughput)),
            ("durations", durations(r.durations)),
            ("errors", errors(r.errors)),
            ("activity", activity(r.activity)),
            ("customers", .array(r.customers.map(customer))),
            ("time_series", .object([
                ("granularity", .string(r.timeSeries.granularity.rawValue)),
                ("buckets", .array(r.timeSeries.buckets.map(bucket))),
            ])),
            ("data_quality", quality(r.dataQuality)),
            ("sources", .array(r.sources.map { s in
                .object([("name", .string(s.name)), ("format", .string(s.format)), ("rows", .int(s.rows))])
            })),
            ("billing", r.billing.map(billing) ?? .null),
        ]).serialized()
    }

    static func ratio(_ r: Ratio) -> OrderedJSON {
        let fraction = PlainFormat.fraction(r)
        return .object([
            ("numerator", .int(r.numerator)), ("denominator", .int(r.denominator)),
            ("fraction", fraction.isEmpty ? .null : .number(fraction)),
        ])
    }

    static func named(_ list: [NamedCount]) -> OrderedJSON {
        .array(list.map { .object([("name", .string($0.name)), ("count", .int($0.count))]) })
    }

    static func period(_ p: ReportPeriod) -> OrderedJSON {
        .object([
            ("label", .string(p.label)), ("zone", .string(p.zoneID)),
            ("from", .instant(p.from)), ("to", .instant(p.to)), ("as_of", .instant(p.asOf)),
            ("previous_from", .instant(p.previousFrom)), ("previous_to", .instant(p.previousTo)),
            ("stuck_after_us", .int(p.stuckAfterMicros)),
        ])
    }

    static func totals(_ t: PeriodTotals) -> OrderedJSON {
        .object([
            ("jobs", .int(t.jobs)), ("documents", .int(t.documents)), ("processed", .int(t.processed)),
            ("failed", .int(t.failed)), ("success_rate", ratio(t.successRate)),
            ("job_completion_rate", ratio(t.jobCompletionRate)),
            ("jobs_by_status", named(t.jobsByStatus)), ("jobs_by_type", named(t.jobsByType)),
            ("implausible_jobs", .int(t.implausibleJobs)),
        ])
    }

    static func throughput(_ t: Throughput) -> OrderedJSON {
        .object([
            ("documents_per_day", .array(t.documentsPerDay.map {
                .object([("date", .string($0.date.description)), ("count", .int($0.count))])
            })),
            ("documents_by_hour_of_day", .array(t.documentsByHourOfDay.map { .int($0) })),
            ("job_wall_time_us", .int(t.jobWallTimeMicros)),
            ("document_processing_time_us", .int(t.documentProcessingMicros)),
            ("tokens", .int(t.tokens)), ("bytes", .int(t.bytes)),
        ])
    }

    static func stats(_ s: DurationStats) -> OrderedJSON {
        .object([
            ("count", .int(s.count)), ("p50_us", .int(s.p50Micros)), ("p90_us", .int(s.p90Micros)),
            ("p99_us", .int(s.p99Micros)), ("max_us", .int(s.maxMicros)),
        ])
    }

    static func durationRow(_ d: DurationRow) -> OrderedJSON {
        .object([("job_type", .string(d.jobType)), ("queue_wait", stats(d.queueWait)), ("run_time", stats(d.runTime))])
    }

    static func durations(_ d: DurationSection) -> OrderedJSON {
        .object([
            ("method", .string(d.method)), ("overall", durationRow(d.overall)),
            ("by_job_type", .array(d.byJobType.map(durationRow))),
        ])
    }

    static func rates(_ rows: [FailureRateRow]) -> OrderedJSON {
        .array(rows.map {
            .object([("name", .string($0.name)), ("total", .int($0.total)), ("failed", .int($0.failed)), ("rate", ratio($0.rate))])
        })
    }

    static func errors(_ e: ErrorSection) -> OrderedJSON {
        .object([
            ("total_failures", .int(e.totalFailures)), ("failed_jobs", .int(e.failedJobs)),
            ("failed_documents", .int(e.failedDocuments)), ("cluster_count", .int(e.clusterCount)),
            ("clusters", .array(e.clusters.map { c in
                .object([
                    ("normalized_message", .string(c.normalizedMessage)), ("example_message", .string(c.exampleMessage)),
                    ("count", .int(c.count)), ("jobs", .int(c.jobs)), ("documents", .int(c.documents)),
                    ("first_seen", .instant(c.firstSeen)), ("last_seen", .instant(c.lastSeen)),
                    ("share_of_failures", ratio(c.shareOfFailures)),
                ])
            })),
            ("failure_rate_by_job_type", rates(e.byJobType)), ("failure_rate_by_model", rates(e.byModel)),
            ("failure_rate_by_file_source_type", rates(e.byFileSourceType)),
            ("failure_rate_by_extraction_method", rates(e.byExtractionMethod)),
        ])
    }

    static func active(_ j: ActiveJob) -> OrderedJSON {
        .object([
            ("id", .string(j.id)), ("user_id", .string(j.userID)), ("email", .string(j.email)),
            ("job_type", .string(j.jobType)), ("status", .string(j.status)), ("created_at", .instant(j.createdAt)),
            ("started_at", .instant(j.startedAt)), ("age_us", .int(j.ageMicros)),
        ])
    }

    static func activity(_ a: Activity) -> OrderedJSON {
        .object([
            ("pending_count", .int(a.pendingCount)), ("pending", .array(a.pending.map(active))),
            ("processing_count", .int(a.processingCount)), ("processing", .array(a.processing.map(active))),
            ("in_flight_count", .int(a.inFlightCount)), ("in_flight_by_status", named(a.inFlightByStatus)),
            ("active_count", .int(a.activeCount)), ("active", .array(a.active.map(active))),
            ("stuck_count", .int(a.stuckCount)), ("stuck", .array(a.stuck.map(active))),
            ("newest_completions", .array(a.newestCompletions.map { j in
                .object([
                    ("id", .string(j.id)), ("user_id", .string(j.userID)), ("email", .string(j.email)),
                    ("job_type", .string(j.jobType)), ("status", .string(j.status)),
                    ("completed_at", .instant(j.completedAt)), ("run_time_us", .int(j.runTimeMicros)),
                    ("total_documents", .int(j.totalDocuments)), ("processed", .int(j.processed)), ("failed", .int(j.failed)),
                ])
            })),
        ])
    }

    static func customer(_ c: CustomerRow) -> OrderedJSON {
        .object([
            ("user_id", .string(c.userID)), ("email", .string(c.email)), ("name", .string(c.name)),
            ("jobs", .int(c.jobs)), ("documents", .int(c.documents)), ("processed", .int(c.processed)),
            ("failed", .int(c.failed)), ("success_rate", ratio(c.successRate)),
            ("processing_time_us", .int(c.processingMicros)), ("tokens", .int(c.tokens)),
            ("first_activity", .instant(c.firstActivity)), ("last_activity", .instant(c.lastActivity)),
        ])
    }

    static func bucket(_ b: TimeBucket) -> OrderedJSON {
        .object([
            ("start", .instant(b.start)), ("label", .string(b.label)), ("jobs_created", .int(b.jobsCreated)),
            ("documents_processed", .int(b.documentsProcessed)), ("documents_failed", .int(b.documentsFailed)),
        ])
    }

    static func quality(_ q: DataQuality) -> OrderedJSON {
        var members: [(String, OrderedJSON)] = [
            ("skipped", .array(q.skipped.map { s in
                .object([
                    ("source", .string(s.source)), ("reason", .string(s.reason)), ("count", .int(s.count)),
                    ("examples", .array(s.examples.map { .string($0) })),
                ])
            })),
            ("duplicates_merged", .int(q.duplicatesMerged)),
        ]
        for (key, _, check) in q.checks {
            guard let check else {
                members.append((key, .null))
                continue
            }
            members.append((key, .object([
                ("count", .int(check.count)), ("example_job_ids", .array(check.exampleJobIDs.map { .string($0) })),
            ])))
        }
        members.append(("implausible_threshold", .int(q.implausibleThreshold)))
        members.append(("capped_groups", .array(q.cappedGroups.map {
            .object([("what", .string($0.what)), ("kept", .int(Int64($0.kept))), ("other_name", .string($0.otherName))])
        })))
        members.append(("saturated_figures", .array(q.saturatedFigures.map { .string($0) })))
        return .object(members)
    }

    static func billing(_ b: BillingSummaryView) -> OrderedJSON {
        .object([
            ("invoices", .int(b.invoices)), ("link", .string(b.link)),
            ("totals", .array(b.totals.map { .object([("currency", .string($0.currency)), ("amount", .string($0.amount))]) })),
        ])
    }
}

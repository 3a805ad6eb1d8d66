extension UsageAccumulator {
    /// The report model from what was counted, the users and the scan's diagnostics.
    ///
    /// Customers are sorted by documents processed (descending), then jobs, then id;
    /// the anonymous customer comes last.
    package func report(users: UserDirectory, diagnostics: ScanDiagnostics, sources: [SourceRead], userFilter: [String]) -> UsageReport {
        let email: (String?) -> String? = { id in id.flatMap { users[$0]?.email } }
        let digits = quality.sizes.implausibleDigits
        var report = UsageReport(
            period: scope.period, totals: current.totals(implausibleDigits: digits),
            previousTotals: previous.totals(implausibleDigits: digits), throughput: time.throughput(scope: scope),
            durations: durations.section, errors: errors.section, activity: activity.section(emails: email),
            customers: customerRows(users), timeSeries: time.series(scope: scope), dataQuality: dataQuality(diagnostics),
            sources: sources, userFilter: userFilter, trends: trend.trends(scope: scope))
        report.dataQuality.saturatedFigures = Self.saturated(report)
        let buckets = report.timeSeries.buckets
        report.customerDetails = details.byUser.filter { $0.value.jobsCreated.contains { $0 > 0 } || !$0.value.errors.isEmpty }
            .sorted { ($0.key == nil) != ($1.key == nil) ? $0.key == nil : ($0.key ?? "") < ($1.key ?? "") }
            .map { $0.value.detail($0.key, buckets: buckets) }
        report.customerDetailsCapped = details.capped
        return report
    }

    func customerRows(_ users: UserDirectory) -> [CustomerRow] {
        // Owners seen only outside the period or filter have untouched tallies (no first activity).
        var ids = Set(customers.storage.lazy.filter { $0.value.first != nil }.map(\.key))
        if let chosen = scope.users { for id in chosen { ids.insert(id) } }
        let rows = ids.map { id -> CustomerRow in
            let t = customers[id] ?? CustomerTally()
            let user = id.flatMap { users[$0] }
            return CustomerRow(
                userID: id, email: user?.email, name: user?.fullName, jobs: t.jobs, documents: t.documents,
                processed: t.processed, failed: t.failed, processingMicros: t.processingMicros, tokens: t.tokens,
                firstActivity: t.first, lastActivity: t.last)
        }
        return rows.sorted { a, b in
            if (a.userID == nil) != (b.userID == nil) { return b.userID == nil }
            if a.processed != b.processed { return a.processed > b.processed }
            if a.jobs != b.jobs { return a.jobs > b.jobs }
            return (a.userID ?? "") < (b.userID ?? "")
        }
    }

    func dataQuality(_ diagnostics: ScanDiagnostics) -> DataQuality {
        var groups: [SkipGroup] = []
        for source in diagnostics.sourceOrder {
            for (reason, count) in (diagnostics.skipped[source] ?? [:]).sorted(by: { $0.key < $1.key }) {
                let examples = diagnostics.examples
                    .filter { $0.location.source == source && $0.reason == reason }
                    .prefix(3).map(\.description)
                groups.append(SkipGroup(source: source, reason: reason.rawValue, count: count, examples: Array(examples)))
            }
        }
        let digits = quality.sizes.implausibleDigits
        return DataQuality(
            skipped: groups, duplicatesMerged: diagnostics.duplicatesMerged.values.reduce(0, +),
            countersExceedTotal: quality.exceedTotal.result,
            countersDisagreeWithDocuments: nil,
            completedBeforeStarted: quality.completedBeforeStarted.result,
            terminalWithoutCompletedAt: quality.terminalWithoutCompletion.result,
            negativeCounters: quality.negativeCounters.result, idsNotUUID: quality.idsNotUUID.result,
            implausibleCounters: quality.implausible(digits: digits), implausibleThreshold: JobSizes.threshold(digits: digits),
            cappedGroups: cappedGroups)
    }

    /// The groups that reached their cap, in the order the report shows them.
    var cappedGroups: [CappedGroup] {
        func group<V>(_ what: String, _ maps: [FewKeyDictionary<String, V>]) -> CappedGroup? {
            maps.first(where: \.isCapped).map { CappedGroup(what: what, kept: $0.limit, otherName: $0.otherKey) }
        }
        func group<V>(_ what: String, _ map: FewKeyDictionary<String?, V>) -> CappedGroup? {
            map.isCapped ? CappedGroup(what: what, kept: map.limit, otherName: map.otherKey ?? "") : nil
        }
        return [
            group("statuses", [current.byStatus, previous.byStatus, activity.inFlightByStatus]),
            group("job types", [current.byType, previous.byType]) ?? group("job types", errors.byJobType.counts)
                ?? group("job types", [durations.queue, durations.run]),
            group("models", errors.byModel.counts), group("file source types", errors.bySourceType.counts),
            group("extraction methods", errors.byExtraction.counts), group("error messages", [errors.clusters]),
        ].compactMap { $0 }
    }

    /// The figures of `report` that stopped at the 64-bit limit (sums saturate, never wrap).
    static func saturated(_ report: UsageReport) -> [String] {
        let t = report.totals, p = report.throughput
        let figures: [(String, Int64)] = [
            ("documents", t.documents), ("processed", t.processed), ("failed", t.failed),
            ("job wall time", p.jobWallTimeMicros), ("document processing time", p.documentProcessingMicros),
            ("tokens", p.tokens), ("bytes", p.bytes),
        ]
        var names = figures.filter { $0.1 == .max || $0.1 == .min }.map(\.0)
        let perCustomer = report.customers.contains { c in
            [c.documents, c.processed, c.failed, c.processingMicros, c.tokens].contains { $0 == .max || $0 == .min }
        }
        if perCustomer { names.append("a customer's figures") }
        return names
    }
}

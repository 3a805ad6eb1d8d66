extension UsageAccumulator {
    /// The report model from what was counted, the users and the scan's diagnostics.
    ///
    /// Customers are sorted by documents processed (descending), then jobs, then id;
    /// the anonymous customer comes last.
    package func report(users: UserDirectory, diagnostics: ScanDiagnostics, sources: [SourceRead], userFilter: [String]) -> UsageReport {
        let email: (String?) -> String? = { id in id.flatMap { users[$0]?.email } }
        var report = UsageReport(
            period: scope.period, totals: current.totals, previousTotals: previous.totals,
            throughput: time.throughput(scope: scope), durations: durations.section, errors: errors.section,
            activity: activity.section(emails: email), customers: customerRows(users),
            timeSeries: time.series(scope: scope), dataQuality: dataQuality(diagnostics),
            sources: sources, userFilter: userFilter, trends: trend.trends(scope: scope))
        let buckets = report.timeSeries.buckets
        report.customerDetails = details.byUser.filter { $0.value.jobsCreated.contains { $0 > 0 } || $0.value.documentsSeen > 0 }
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
        return DataQuality(
            skipped: groups, duplicatesMerged: diagnostics.duplicatesMerged.values.reduce(0, +),
            countersExceedTotal: quality.exceedTotal.result,
            countersDisagreeWithDocuments: nil,
            completedBeforeStarted: quality.completedBeforeStarted.result,
            terminalWithoutCompletedAt: quality.terminalWithoutCompletion.result,
            negativeCounters: quality.negativeCounters.result, idsNotUUID: quality.idsNotUUID.result)
    }
}

/// The one pass of `tally report`: usage analytics and per-user endpoint stats together.
package struct ReportAccumulator: Accumulator {
    package var usage: UsageAccumulator
    package var stats: EndpointStatsAccumulator

    /// Both aggregates, empty.
    package init(usage: UsageAccumulator, stats: EndpointStatsAccumulator) {
        self.usage = usage
        self.stats = stats
    }

    /// Gives a job to both aggregates.
    package mutating func add(_ job: JobRecord) {
        usage.add(job)
        stats.add(job)
    }

    /// Gives a document to the usage aggregate (stats count jobs only).
    package mutating func add(_ document: DocumentRecord) {
        usage.add(document)
    }

    /// Removes the usage part's temporary files.
    package func discard() {
        usage.discard()
    }

    /// Folds in a later shard.
    package mutating func merge(_ later: ReportAccumulator) {
        usage.merge(later.usage)
        stats.merge(later.stats)
    }
}

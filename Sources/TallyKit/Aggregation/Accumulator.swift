/// A mergeable aggregate over history records.
///
/// The scan feeds each shard of the input into its own accumulator and merges
/// them in shard order at the end; merging must give exactly what a single
/// pass over all records in that order would have given. An accumulator is a value
/// that holds nothing outside itself: the scan may throw one away (ids repeated, so
/// the shards are read again) without telling it.
package protocol Accumulator: Sendable {
    /// Takes one job.
    mutating func add(_ job: JobRecord)
    /// Takes one document.
    mutating func add(_ document: DocumentRecord)
    /// Folds in an accumulator that saw records read after this one's.
    mutating func merge(_ later: Self)
}

extension Accumulator {
    /// Documents are ignored unless the accumulator cares.
    package mutating func add(_ document: DocumentRecord) {}
}

/// What a scan saw besides the records: rows read, rows skipped and why, duplicates.
///
/// Bounded: every skip is counted, but only the first `exampleLimit` per source
/// are kept as examples.
package struct ScanDiagnostics: Sendable, Equatable {
    /// Rows read per source and kind (including rows later skipped or merged).
    package var rowsRead: [String: [RecordKind: Int64]] = [:]
    /// Skipped rows per source and reason.
    package var skipped: [String: [SkipReason: Int64]] = [:]
    /// The first skipped rows of each source, in reading order.
    package var examples: [SkippedRecord] = []
    /// Duplicate rows merged away (the same id read more than once), per kind.
    package var duplicatesMerged: [RecordKind: Int64] = [:]
    /// How many examples to keep per source.
    package var exampleLimit = 20
    /// The order in which sources were named, for stable reports.
    package var sourceOrder: [String] = []

    /// Empty diagnostics.
    package init() {}

    /// Counts one row read.
    package mutating func countRead(_ kind: RecordKind, source: String) {
        rowsRead[source, default: [:]][kind, default: 0] += 1
    }

    /// Counts one skipped row and keeps it as an example while there is room.
    package mutating func countSkip(_ note: SkippedRecord) {
        let source = note.location.source
        skipped[source, default: [:]][note.reason, default: 0] += 1
        rowsRead[source, default: [:]][note.kind, default: 0] += 1
        if examples.lazy.filter({ $0.location.source == source }).count < exampleLimit {
            examples.append(note)
        }
    }

    /// Total skipped rows.
    package var totalSkipped: Int64 { skipped.values.reduce(0) { $0 + $1.values.reduce(0, +) } }

    /// Folds in the diagnostics of a later shard.
    package mutating func merge(_ later: ScanDiagnostics) {
        for (source, kinds) in later.rowsRead {
            for (kind, n) in kinds { rowsRead[source, default: [:]][kind, default: 0] += n }
        }
        for (source, reasons) in later.skipped {
            for (reason, n) in reasons { skipped[source, default: [:]][reason, default: 0] += n }
        }
        for note in later.examples
        where examples.lazy.filter({ $0.location.source == note.location.source }).count < exampleLimit {
            examples.append(note)
        }
        for (kind, n) in later.duplicatesMerged { duplicatesMerged[kind, default: 0] += n }
    }

    /// One line per skipped-row example plus a count of the rest, for stderr.
    package var warningLines: [String] {
        var lines = examples.map { "warning: \($0)" }
        for source in sourceOrder {
            let total = skipped[source]?.values.reduce(0, +) ?? 0
            let shown = Int64(examples.filter { $0.location.source == source }.count)
            if total > shown { lines.append("warning: \(source): \(total - shown) more skipped rows not shown (\(total) in all)") }
        }
        for kind in RecordKind.allCases {
            if let n = duplicatesMerged[kind], n > 0 {
                lines.append("warning: \(n) duplicate \(kind.rawValue) row\(n == 1 ? "" : "s") merged (same id read more than once)")
            }
        }
        return lines
    }
}

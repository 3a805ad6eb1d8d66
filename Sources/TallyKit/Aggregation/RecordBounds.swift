/// The numbers a row may hold to be counted: what the upstream columns can hold.
///
/// A job's `total_documents`, `processed_count` and `failed_count` are PostgreSQL
/// `integer` upstream (32-bit), so the real service never produces a value outside
/// `Int32`; a row that has one (a broken export, a hand-edited file) is skipped and
/// counted like any other bad row (`counter out of range`, fatal under `--strict`).
/// A document's `file_size` (`bigint`) and `tokens_used` (JSON) are held to 10^15,
/// a petabyte or a quadrillion tokens, far past any real document.
///
/// With every counter inside `Int32`, sums of them cannot leave `Int64` before
/// 2^32 jobs, so the endpoint's 64-bit sums (`--api-compat`) are reproduced exactly.
/// Sums still saturate rather than trap (`saturatingAdd`) beyond that.
package enum RecordBounds {
    /// The range of an upstream `integer` column.
    package static let counterRange = Int64(Int32.min)...Int64(Int32.max)
    /// The largest `file_size` or `tokens_used` a document may have.
    package static let documentMetricLimit: Int64 = 1_000_000_000_000_000

    /// Why `job` is out of bounds (`column: value`), or `nil` when it is within them.
    @inline(__always)
    package static func violation(_ job: JobRecord) -> String? {
        if counterRange.contains(job.totalDocuments), counterRange.contains(job.processedCount),
           counterRange.contains(job.failedCount) { return nil }
        for (name, value) in [("total_documents", job.totalDocuments), ("processed_count", job.processedCount),
                              ("failed_count", job.failedCount)] where !counterRange.contains(value) {
            return "\(name): \(value), outside the upstream 32-bit integer"
        }
        return nil
    }

    /// Why `document` is out of bounds (`column: value`), or `nil` when it is within them.
    @inline(__always)
    package static func violation(_ document: DocumentRecord) -> String? {
        if let size = document.fileSize, size > documentMetricLimit { return "file_size: \(size), over 10^15" }
        if let tokens = document.tokensUsed, tokens > documentMetricLimit { return "tokens_used: \(tokens), over 10^15" }
        return nil
    }
}

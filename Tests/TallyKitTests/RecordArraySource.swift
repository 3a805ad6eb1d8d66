@testable import TallyKit

/// An in-memory history source for tests: records in order, splittable into shards.
struct RecordArraySource: HistorySource {
    let name: String
    let records: [HistoryRecord]
    var skips: [SkippedRecord] = []
    var formatName: String { "records" }
    /// Like a SQLite table by default: the scan deduplicates only across sources.
    var idsMayRepeat = false

    func read(_ options: ReadOptions, into visitor: inout some RecordVisitor) throws {
        for skipped in skips { try visitor.skip(skipped) }
        for (index, record) in records.enumerated() {
            let kind: RecordKind
            switch record {
            case .job: kind = .job
            case .document: kind = .document
            case .user: kind = .user
            }
            guard options.kinds.contains(kind) else { continue }
            try visitor.visit(record, at: RecordLocation(source: name, position: .line(index + 1)))
        }
    }

    func shards(_ count: Int) throws -> [any HistorySource] {
        guard count > 1, records.count > 1 else { return [self] }
        let size = (records.count + count - 1) / count
        return stride(from: 0, to: records.count, by: size).map { start in
            RecordArraySource(name: name, records: Array(records[start..<min(start + size, records.count)]), idsMayRepeat: idsMayRepeat)
        }
    }
}

/// Builds jobs for tests with readable defaults.
enum Fixture {
    static let alice = "9974d75b-3338-44fe-a179-0134676b1b69"
    static let bob = "221c4e00-3f99-41ee-baf2-7f802dc5fd3d"

    /// A UUID-looking id from a number, so ordering by id is easy to predict.
    static func id(_ n: Int) -> String {
        let hex = String(n, radix: 16)
        return "00000000-0000-4000-8000-" + String(repeating: "0", count: 12 - hex.count) + hex
    }

    static func at(_ text: String) -> Instant { TimestampParser.parse(text)! }

    static func job(
        _ n: Int, user: String?, status: String = "completed", type: String = "batch",
        created: String, total: Int64 = 3, processed: Int64 = 2, failed: Int64 = 1, updated: String? = nil
    ) -> JobRecord {
        JobRecord(
            id: id(n), userID: user, jobType: type, status: status, totalDocuments: total,
            processedCount: processed, failedCount: failed,
            startedAt: at(created).adding(microseconds: 5_000_000),
            completedAt: status == "completed" || status == "failed" ? at(created).adding(microseconds: 65_000_000) : nil,
            createdAt: at(created), updatedAt: updated.map(at))
    }
}

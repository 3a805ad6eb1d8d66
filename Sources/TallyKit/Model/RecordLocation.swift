/// Where a record was found: the source and a row, line, item or byte offset.
public struct RecordLocation: Sendable, Hashable, CustomStringConvertible {
    /// How the position inside the source is counted.
    public enum Position: Sendable, Hashable {
        /// A SQLite row: table and rowid.
        case row(table: String, rowid: Int64)
        /// A line of NDJSON, counted from 1.
        case line(Int)
        /// The n-th element (from 1) of a JSON array, with its byte offset.
        case item(array: String, index: Int, byteOffset: Int)
        /// A byte offset in the (decompressed) input.
        case byteOffset(Int)
        /// A PostgreSQL row: table and `ctid` (block, offset) in the read's snapshot;
        /// a negative block when the relation has none (a view).
        case tuple(table: String, block: Int64, offset: Int)
    }

    /// The source as the user named it (a path, or `-` for standard input).
    public var source: String
    public var position: Position

    /// Makes a location.
    public init(source: String, position: Position) {
        self.source = source
        self.position = position
    }

    /// `file: line 12`, `file: jobs rowid 7`, `file: jobs[3] (byte 120)`, `db: jobs ctid (4,2)`.
    public var description: String { "\(source): \(positionDescription)" }

    /// The position alone: `line 12`, `jobs rowid 7`, `jobs[3] (byte 120)`.
    public var positionDescription: String {
        switch position {
        case .row(let table, let rowid): return "\(table) rowid \(rowid)"
        case .line(let n): return "line \(n)"
        case .item(let array, let index, let offset): return "\(array)[\(index)] (byte \(offset))"
        case .byteOffset(let offset): return "byte \(offset)"
        case .tuple(let table, let block, let offset): return block < 0 ? "\(table) row" : "\(table) ctid (\(block),\(offset))"
        }
    }
}

/// Why a row could not be used. Each reason is counted in the data-quality section.
public enum SkipReason: String, Sendable, Hashable, CaseIterable, Comparable {
    case missingID = "missing id"
    case badCreatedAt = "unparseable created_at"
    case badCounter = "counter not an integer"
    /// A counter outside what the upstream column can hold (`RecordBounds`).
    case counterOutOfRange = "counter out of range"
    case badValue = "value of the wrong type"
    case notAnObject = "not a JSON object"
    case malformedLine = "malformed JSON line"

    public static func < (lhs: SkipReason, rhs: SkipReason) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A row a source could not use, with where it was and why.
public struct SkippedRecord: Sendable, Hashable, CustomStringConvertible {
    public var location: RecordLocation
    public var kind: RecordKind
    public var reason: SkipReason
    /// The column or key at fault and what was found, e.g. `created_at: "yesterday"`.
    public var detail: String

    /// Makes a skipped-record note.
    public init(location: RecordLocation, kind: RecordKind, reason: SkipReason, detail: String) {
        self.location = location
        self.kind = kind
        self.reason = reason
        self.detail = detail
    }

    /// One line: `file: line 3: skipped job: unparseable created_at (created_at: "x")`.
    public var description: String {
        "\(location): skipped \(kind.rawValue): \(reason.rawValue)" + (detail.isEmpty ? "" : " (\(detail))")
    }
}

/// The three kinds of record a history holds.
public enum RecordKind: String, Sendable, Hashable, CaseIterable {
    case job, document, user
}

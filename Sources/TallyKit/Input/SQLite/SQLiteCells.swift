import CSQLite3

/// A decoded row, or why it was skipped.
enum DecodedRow<Record> {
    case record(Record)
    case skip(SkipReason, detail: String)
}

/// What one cell of a timestamp or counter column held.
enum Cell<Value> {
    case null
    case value(Value)
    case bad
}

/// Cell decoding shared by the row decoders: timestamps, counters, and the
/// wording of a bad value in a skip note.
extension SQLiteStatement {
    /// A timestamp: TEXT in any upstream spelling or as Unix seconds, INTEGER or REAL Unix seconds.
    @inline(__always) func instant(_ column: Int32) -> Cell<Instant> {
        switch type(column) {
        case SQLITE_NULL:
            return .null
        case SQLITE_TEXT:
            let text = bytes(column)
            if let instant = TimestampParser.parse(text) ?? UnixSecondsText.parse(text) { return .value(instant) }
            return .bad
        case SQLITE_INTEGER:
            return TimestampParser.instant(unixSeconds: Double(int64(column))).map { .value($0) } ?? .bad
        case SQLITE_FLOAT:
            return TimestampParser.instant(unixSeconds: double(column)).map { .value($0) } ?? .bad
        default:
            return .bad
        }
    }

    /// A timestamp that may be absent; an unparseable one counts as absent.
    ///
    /// Only for values of another table joined in (a document's job), whose own
    /// row reports the bad value; a row's own timestamps use `checkedInstant`.
    @inline(__always) func optionalInstant(_ column: Int32) -> Instant? {
        if case .value(let instant) = instant(column) { return instant }
        return nil
    }

    /// A timestamp that may be NULL but, when present, must parse.
    ///
    /// - Throws: the column and the value, so the row is skipped like the JSON
    ///   reader skips it (`SkipReason.badValue`).
    @inline(__always) func checkedInstant(_ column: Int32, _ name: String) throws(BadCell) -> Instant? {
        switch instant(column) {
        case .value(let instant): return instant
        case .null: return nil
        case .bad: throw BadCell(detail: "\(name): \(describe(column))")
        }
    }

    /// A counter: INTEGER, or NULL for zero; anything else is bad.
    @inline(__always) func counter(_ column: Int32) -> Cell<Int64> {
        switch type(column) {
        case SQLITE_INTEGER: return .value(int64(column))
        case SQLITE_NULL: return .null
        default: return .bad
        }
    }

    /// A job counter: INTEGER, NULL for zero; anything else throws the skip detail.
    @inline(__always) func count(_ column: Int32, _ name: String) throws(BadCell) -> Int64 {
        switch counter(column) {
        case .value(let n): return n
        case .null: return 0
        case .bad: throw BadCell(detail: "\(name): \(describe(column))")
        }
    }

    /// The cell as a skip note shows it: `"text"`, `1.5`, `NULL`, `<blob of 3 bytes>`.
    func describe(_ column: Int32) -> String {
        switch type(column) {
        case SQLITE_NULL: return "NULL"
        case SQLITE_INTEGER: return String(int64(column))
        case SQLITE_FLOAT: return String(double(column))
        case SQLITE_TEXT:
            let text = String(decoding: bytes(column), as: UTF8.self)
            let shown = text.count > 60 ? String(text.prefix(60)) + "…" : text
            return "\"\(shown)\""
        default: return "<blob of \(sqlite3_column_bytes(raw, column)) bytes>"
        }
    }
}

/// A cell that makes its row unusable, with the skip note's detail.
struct BadCell: Error {
    var detail: String
}

/// Unix seconds written as text (`1731600690`, `-5`, `1731600690.25`), as SQLite
/// stores a number in a TEXT column.
enum UnixSecondsText {
    /// The instant, or `nil` when the bytes are not a plain decimal number of seconds in years 0001-9999.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Instant? {
        var i = 0
        let n = bytes.count
        var negative = false
        if i < n, bytes[i] == 0x2D || bytes[i] == 0x2B {
            negative = bytes[i] == 0x2D
            i += 1
        }
        let start = i
        var seconds: Int64 = 0
        while i < n, bytes[i] >= 0x30, bytes[i] <= 0x39, i - start < 13 {
            seconds = seconds * 10 + Int64(bytes[i] - 0x30)
            i += 1
        }
        guard i > start else { return nil }
        var micros: Int64 = 0
        if i < n, bytes[i] == 0x2E {
            i += 1
            var digits = 0
            while i < n, bytes[i] >= 0x30, bytes[i] <= 0x39 {
                if digits < 6 { micros = micros * 10 + Int64(bytes[i] - 0x30) }
                digits += 1
                i += 1
            }
            guard digits > 0 else { return nil }
            for _ in min(digits, 6)..<6 { micros *= 10 }
        }
        guard i == n, seconds < 253_402_300_800 else { return nil }
        let total = seconds * 1_000_000 + micros
        return Instant(microseconds: negative ? -total : total)
    }
}

/// Field decoding for the row decoders: ids, timestamps, counters, JSON text,
/// and the wording of a bad value in a skip note.
///
/// Timestamps keep PostgreSQL's microseconds; `±infinity` and instants outside
/// years 0001-9999 are bad values, as the text readers treat them.
extension PostgresRow {
    /// Microseconds from the Unix epoch to PostgreSQL's, 2000-01-01T00:00:00Z.
    static let epochOffset: Int64 = 946_684_800_000_000
    /// The first instant after year 9999 (10000-01-01T00:00:00Z), in Unix microseconds.
    static let limit: Int64 = 253_402_300_800_000_000

    /// The bytes of a text-like field (`jsonb` without its version byte), `nil` for NULL or another wire.
    @inline(__always) func text(_ i: Int, _ wire: PostgresWire?) -> UnsafeBufferPointer<UInt8>? {
        guard let raw = bytes(i) else { return nil }
        switch wire {
        case .text: return raw.assumingMemoryBound(to: UInt8.self)
        case .jsonb:
            guard raw.count >= 1, raw[0] == 1 else { return nil }
            return UnsafeRawBufferPointer(rebasing: raw[1...]).assumingMemoryBound(to: UInt8.self)
        default: return nil
        }
    }

    /// An id field as text: a `uuid` spelled lowercase with hyphens, text as stored.
    /// `body` gets `nil` for NULL.
    @inline(__always) func withID<T>(_ i: Int, _ wire: PostgresWire?, _ body: (UnsafeBufferPointer<UInt8>?) -> T) -> T {
        guard wire == .uuid else { return body(text(i, wire)) }
        guard let raw = bytes(i), raw.count == 16 else { return body(nil) }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 36) { out in
            Self.spellUUID(raw, into: out)
            return body(UnsafeBufferPointer(out))
        }
    }

    /// Writes the 36-character lowercase form of 16 uuid bytes.
    static func spellUUID(_ raw: UnsafeRawBufferPointer, into out: UnsafeMutableBufferPointer<UInt8>) {
        let hex: StaticString = "0123456789abcdef"
        hex.withUTF8Buffer { digits in
            var k = 0
            for j in 0..<16 {
                if j == 4 || j == 6 || j == 8 || j == 10 {
                    out[k] = 0x2D
                    k += 1
                }
                out[k] = digits[Int(raw[j] >> 4)]
                out[k + 1] = digits[Int(raw[j] & 0x0F)]
                k += 2
            }
        }
    }

    /// A timestamp: `timestamptz` or `timestamp` (naive means UTC) natively, or text in an upstream spelling.
    @inline(__always) func instant(_ i: Int, _ wire: PostgresWire?) -> Cell<Instant> {
        if wire == .timestamp {
            guard let raw = bytes(i) else { return .null }
            guard raw.count == 8 else { return .bad }
            let (micros, overflow) = Int64(bigEndian: raw.loadUnaligned(as: Int64.self)).addingReportingOverflow(Self.epochOffset)
            guard !overflow, micros > -Self.limit, micros < Self.limit else { return .bad }
            return .value(Instant(microseconds: micros))
        }
        guard let text = text(i, wire) else { return isNull(i) ? .null : .bad }
        if let instant = TimestampParser.parse(text) ?? UnixSecondsText.parse(text) { return .value(instant) }
        return .bad
    }

    /// A timestamp that may be NULL but, when present, must be good.
    ///
    /// - Throws: the column and the value, so the row is skipped (`SkipReason.badValue`).
    @inline(__always) func checkedInstant(_ i: Int, _ wire: PostgresWire?, _ name: String) throws(BadCell) -> Instant? {
        switch instant(i, wire) {
        case .value(let instant): return instant
        case .null: return nil
        case .bad: throw BadCell(detail: "\(name): \(describe(i, wire))")
        }
    }

    /// A timestamp of another table joined in; a bad one counts as absent.
    @inline(__always) func optionalInstant(_ i: Int, _ wire: PostgresWire?) -> Instant? {
        if case .value(let instant) = instant(i, wire) { return instant }
        return nil
    }

    /// A counter: an integer type natively, or text holding a plain integer.
    @inline(__always) func counter(_ i: Int, _ wire: PostgresWire?) -> Cell<Int64> {
        if isNull(i) { return .null }
        if wire == .integer { return integer(i).map { .value($0) } ?? .bad }
        guard let text = text(i, wire), let n = Int64(String(decoding: text, as: UTF8.self)) else { return .bad }
        return .value(n)
    }

    /// A job counter; NULL is zero.
    ///
    /// - Throws: the skip detail when the value is not an integer.
    @inline(__always) func count(_ i: Int, _ wire: PostgresWire?, _ name: String) throws(BadCell) -> Int64 {
        switch counter(i, wire) {
        case .value(let n): return n
        case .null: return 0
        case .bad: throw BadCell(detail: "\(name): \(describe(i, wire))")
        }
    }

    /// A boolean: `bool` natively, an integer (non-zero is true), or text `t`/`true`/`f`/`false`.
    func bool(_ i: Int, _ wire: PostgresWire?) -> Bool? {
        guard let raw = bytes(i) else { return nil }
        switch wire {
        case .bool: return raw.count == 1 ? raw[0] != 0 : nil
        case .integer: return integer(i).map { $0 != 0 }
        default:
            switch text(i, wire).map({ String(decoding: $0, as: UTF8.self).lowercased() }) {
            case "t", "true", "1": return true
            case "f", "false", "0": return false
            default: return nil
            }
        }
    }

    /// The field as a skip note shows it: `"text"`, `42`, `infinity`, `NULL`.
    func describe(_ i: Int, _ wire: PostgresWire?) -> String {
        guard let raw = bytes(i) else { return "NULL" }
        switch wire {
        case .timestamp:
            guard raw.count == 8 else { return "<\(raw.count) bytes>" }
            let value = Int64(bigEndian: raw.loadUnaligned(as: Int64.self))
            if value == .max { return "infinity" }
            if value == .min { return "-infinity" }
            return "\(value) µs after 2000-01-01"
        case .integer: return integer(i).map(String.init) ?? "<\(raw.count) bytes>"
        case .bool: return bool(i, wire).map { $0 ? "true" : "false" } ?? "<\(raw.count) bytes>"
        default:
            let text = withID(i, wire) { $0.map { String(decoding: $0, as: UTF8.self) } } ?? ""
            let shown = text.count > 60 ? String(text.prefix(60)) + "…" : text
            return "\"\(shown)\""
        }
    }

    /// The row's `ctid` (first column of every SELECT) as a location.
    func location(source: String, table: String) -> RecordLocation {
        guard let raw = bytes(0), raw.count == 6 else {
            return RecordLocation(source: source, position: .tuple(table: table, block: -1, offset: 0))
        }
        let block = UInt32(bigEndian: raw.loadUnaligned(as: UInt32.self))
        let offset = UInt16(bigEndian: raw.loadUnaligned(fromByteOffset: 4, as: UInt16.self))
        return RecordLocation(source: source, position: .tuple(table: table, block: Int64(block), offset: Int(offset)))
    }
}

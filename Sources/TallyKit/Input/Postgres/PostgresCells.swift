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

    /// Writes the 36-character lowercase form of 16 uuid bytes (eight hex digits at a time, no table).
    @inline(__always)
    static func spellUUID(_ raw: UnsafeRawBufferPointer, into out: UnsafeMutableBufferPointer<UInt8>) {
        guard let from = raw.baseAddress, let to = out.baseAddress, raw.count >= 16, out.count >= 36 else { return }
        let target = UnsafeMutableRawPointer(to)
        @inline(__always) func word(_ at: Int) -> UInt32 { UInt32(bigEndian: from.loadUnaligned(fromByteOffset: at, as: UInt32.self)) }
        @inline(__always) func half(_ at: Int) -> UInt32 { UInt32(UInt16(bigEndian: from.loadUnaligned(fromByteOffset: at, as: UInt16.self))) }
        // Right to left: a 4-digit group is stored as "0000dddd", its zeros landing on the
        // group to its left, which is stored next.
        target.storeBytes(of: hex8(word(12)).bigEndian, toByteOffset: 28, as: UInt64.self)
        target.storeBytes(of: hex8(half(10)).bigEndian, toByteOffset: 20, as: UInt64.self)
        target.storeBytes(of: hex8(half(8)).bigEndian, toByteOffset: 15, as: UInt64.self)
        target.storeBytes(of: hex8(half(6)).bigEndian, toByteOffset: 10, as: UInt64.self)
        target.storeBytes(of: hex8(half(4)).bigEndian, toByteOffset: 5, as: UInt64.self)
        target.storeBytes(of: hex8(word(0)).bigEndian, toByteOffset: 0, as: UInt64.self)
        (to[8], to[13], to[18], to[23]) = (0x2D, 0x2D, 0x2D, 0x2D)
    }

    /// The eight lowercase hex digits of `x`, most significant first in the value's high byte.
    @inline(__always) static func hex8(_ x: UInt32) -> UInt64 {
        var v = UInt64(x)
        v = (v & 0xFFFF_0000) << 16 | (v & 0xFFFF)
        v = (v & 0x0000_FF00_0000_FF00) << 8 | (v & 0x0000_00FF_0000_00FF)
        v = (v & 0x00F0_00F0_00F0_00F0) << 4 | (v & 0x000F_000F_000F_000F)
        let letters = ((v &+ 0x0606_0606_0606_0606) >> 4) & 0x0101_0101_0101_0101
        return v &+ 0x3030_3030_3030_3030 &+ letters &* 0x27
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
            let value =
                wire == .uuid && raw.count == 16
                ? UUIDInterner.spell(raw) : String(decoding: text(i, wire) ?? UnsafeBufferPointer(start: nil, count: 0), as: UTF8.self)
            let shown = value.count > 60 ? String(value.prefix(60)) + "…" : value
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

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Walks one JSON history stream record by record, never holding more than one record in memory.
///
/// The outer structure (the top-level array, the wrapper object, NDJSON lines)
/// is followed here byte by byte; each record is scanned whole by `JSONScanner`
/// inside the window and decoded by `JSONRecordDecoder`. Fatal errors name the
/// line and byte; the line is found by re-reading the input up to that byte.
final class JSONStreamReader {
    /// What a history's first value says it is.
    enum Form: Equatable {
        case empty, array, ndjson, wrapper, single
        case other(UInt8)
    }

    let name: String
    let window: ByteWindow
    let decoder: JSONRecordDecoder
    let recordLimit: Int
    /// Stream offset of the window's first byte in the file (non-zero for shards).
    let origin: Int
    /// The line of an absolute byte offset, when it can be known.
    let lineOf: (Int) -> Int?
    var cursor = 0
    /// A window index refills must keep (and shift), or -1.
    var pin = -1
    /// A top-level array stops before its first element beginning at or after this offset (shards).
    var arrayStop: Int?
    /// The members of the last object scanned (in `decoder.recordScratch`).
    var members = JSONMembers(start: nil, count: 0)

    init(name: String, window: ByteWindow, decoder: JSONRecordDecoder, recordLimit: Int, origin: Int,
         lineOf: @escaping (Int) -> Int?) {
        // Storage of its own: every record's location retains the name, and shards read on other threads.
        self.name = String(decoding: Array(name.utf8), as: UTF8.self)
        self.window = window
        self.decoder = decoder
        self.recordLimit = recordLimit
        self.origin = origin
        self.lineOf = lineOf
    }

    /// The absolute offset of window index `i`.
    func offset(_ i: Int) -> Int { origin + window.base + i }

    /// A fatal syntax error at window index `i`.
    func fatal(_ message: String, at i: Int) -> TallyError {
        let byte = offset(i)
        let location = lineOf(byte).map { "line \($0), byte \(byte)" } ?? "byte \(byte)"
        return .badData(file: name, location: location, message: message)
    }

    /// Reads more input, keeping the bytes from `cursor` (or `pin`); false at the end of the input.
    func refill() throws -> Bool {
        let keep = pin >= 0 ? min(pin, cursor) : cursor
        let added = try window.refill(keepingFrom: keep)
        cursor -= keep
        if pin >= 0 { pin -= keep }
        return added > 0
    }

    /// The next byte that is not whitespace (left at `cursor`), or nil at the end of the input.
    func peekByte() throws -> UInt8? {
        while true {
            while cursor < window.count {
                let c = window.bytes[cursor]
                guard c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 else { return c }
                cursor += 1
            }
            guard try refill() else { return nil }
        }
    }

    /// `peekByte`, where the end of the input is a syntax error.
    func requireByte() throws -> UInt8 {
        guard let c = try peekByte() else { throw fatal("unexpected end of input (truncated?)", at: cursor) }
        return c
    }

    /// How scanning one value ended.
    enum Scan {
        case value(start: Int)
        case tooLarge
        case syntax(String, at: Int)
    }

    /// Scans the value at `cursor` whole, moving `cursor` past it; on failure `cursor` stays at its start.
    ///
    /// A value longer than `limit` (the record limit unless given) is `.tooLarge`.
    func scan(collect: Bool, limit: Int? = nil) throws -> Scan {
        let recordLimit = limit ?? recordLimit
        while true {
            var scanner = JSONScanner(base: window.bytes, start: cursor, end: window.count, hardEnd: window.atEOF)
            do throws(JSONScanError) {
                members = try decoder.recordScratch.scan(
                    &scanner, collect: collect, stack: decoder.stack, readableEnd: window.readableEnd)
                guard scanner.i - cursor <= recordLimit else { return .tooLarge }
                let start = cursor
                cursor = scanner.i
                return .value(start: start)
            } catch {
                switch error {
                case .syntax(let message, let at): return .syntax(message, at: at)
                case .needMore:
                    guard window.count - cursor < recordLimit else { return .tooLarge }
                    _ = try refill()
                }
            }
        }
    }

    /// `scan`, where invalid JSON is fatal; nil when the value exceeds the record limit.
    func scanRecord(collect: Bool) throws -> Int? {
        switch try scan(collect: collect) {
        case .value(let start): return start
        case .tooLarge: return nil
        case .syntax(let message, let at): throw fatal(message, at: at)
        }
    }

    /// `scanRecord`, where a record past the limit is fatal.
    func scanBoundedRecord(collect: Bool) throws -> Int {
        guard let start = try scanRecord(collect: collect) else {
            throw fatal("a single JSON value larger than the \(recordLimit >> 20) MB record limit", at: cursor)
        }
        return start
    }

    /// Fails unless only whitespace follows.
    func expectEnd() throws {
        if let c = try peekByte() {
            throw fatal("trailing characters after the JSON value \(JSONScanner.found(c))", at: cursor)
        }
    }

    /// Skips a UTF-8 byte order mark at the very start of the input.
    func skipByteOrderMark() throws {
        while window.count - cursor < 3, try refill() {}
        if offset(cursor) == 0, window.count >= 3, window.bytes[0] == 0xEF, window.bytes[1] == 0xBB,
           window.bytes[2] == 0xBF {
            cursor = 3
        }
    }

    /// Finds the form of the history; leaves `cursor` at the start of its first value.
    func detect() throws -> Form {
        try skipByteOrderMark()
        guard let first = try peekByte() else { return .empty }
        if first == 0x5B { return .array }
        guard first == 0x7B else { return .other(first) }
        // A first object larger than one window is a dump or a jobs page when its first key says so:
        // no need to read 64 MB of it (and hold them) to know.
        var scanned = try scan(collect: true, limit: window.capacity)
        if case .tooLarge = scanned {
            if try firstKeyNamesAHistoryArray() { return .wrapper }
            scanned = try scan(collect: true)
        }
        let start: Int
        switch scanned {
        case .value(let at): start = at
        case .tooLarge: return .wrapper
        case .syntax(let message, let at):
            if try firstLineIsBad(upTo: at) { return .ndjson }
            throw fatal(message, at: at)
        }
        let keys = JSONObject(base: window.bytes, members: members, keys: JSONRecordKeys.wrapper,
                              names: JSONRecordKeys.wrapperNames)
        if keys[0]?.isArray == true || keys[1]?.isArray == true {
            cursor = start
            return .wrapper
        }
        pin = start
        defer { pin = -1 }
        let next = try peekByte()
        cursor = pin
        switch next {
        case nil: return .single
        case 0x7B: return .ndjson
        default:
            throw fatal("trailing characters after the JSON value \(JSONScanner.found(next ?? 0))", at: cursor)
        }
    }

    /// Whether the object at `cursor` begins with a `"jobs"` or `"users"` key whose value is an array.
    private func firstKeyNamesAHistoryArray() throws -> Bool {
        var scanner = JSONScanner(base: window.bytes, start: cursor + 1, end: window.count, hardEnd: window.atEOF)
        do throws(JSONScanError) {
            try scanner.skipWhitespace()
            guard window.bytes[scanner.i] == 0x22 else { return false }
            let keyStart = scanner.i + 1
            try scanner.scanString()
            let key = UnsafeBufferPointer(start: window.bytes + keyStart, count: scanner.i - 1 - keyStart)
            guard key.elementsEqual("jobs".utf8) || key.elementsEqual("users".utf8) else { return false }
            try scanner.skipWhitespace()
            guard window.bytes[scanner.i] == 0x3A else { return false }
            scanner.i += 1
            try scanner.skipWhitespace()
            return window.bytes[scanner.i] == 0x5B
        } catch {
            return false
        }
    }

    /// Whether invalid JSON at `at` lies on the first line of what looks like NDJSON: a later line starts with `{`.
    private func firstLineIsBad(upTo at: Int) throws -> Bool {
        let bytes = UnsafeBufferPointer(start: window.bytes, count: window.count)
        guard let newline = bytes[cursor...].firstIndex(of: 0x0A), newline >= at else { return false }
        pin = cursor
        defer { pin = -1 }
        cursor = newline + 1
        let next = try peekByte()
        cursor = pin
        return next == 0x7B
    }
}

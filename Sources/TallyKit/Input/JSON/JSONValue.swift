#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A scanned JSON value: its bytes in the buffer and what the scanner noted about it.
struct JSONValue {
    let base: UnsafePointer<UInt8>
    let start: Int
    let end: Int
    let flags: UInt8

    /// The value of `member`.
    init(_ member: JSONMember, in base: UnsafePointer<UInt8>) {
        self.base = base
        start = member.valueStart
        end = member.valueEnd
        flags = member.flags
    }

    private var first: UInt8 { base[start] }
    var isNull: Bool { first == 0x6E }
    var isString: Bool { first == 0x22 }
    var isObject: Bool { first == 0x7B }
    var isArray: Bool { first == 0x5B }
    var isNumber: Bool { first == 0x2D || JSONBytes.isDigit(first) }
    /// A number without fraction or exponent.
    var isInteger: Bool { isNumber && flags & JSONScanner.integralFlag != 0 }
    /// `true` or `false`, or nil for other values.
    var bool: Bool? { first == 0x74 ? true : first == 0x66 ? false : nil }

    /// The raw JSON text.
    var raw: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base + start, count: end - start) }

    /// The raw JSON text for messages, cut at 60 bytes.
    var excerpt: String {
        let text = String(decoding: UnsafeBufferPointer(start: base + start, count: min(end - start, 60)), as: UTF8.self)
        return end - start > 60 ? text + "..." : text
    }

    /// Calls `body` with a string's content, escapes decoded.
    func withContent<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let inner = UnsafeBufferPointer(start: base + start + 1, count: end - start - 2)
        if flags & JSONScanner.escapedFlag == 0 { return body(inner) }
        return JSONBytes.unescape(inner).withUnsafeBufferPointer(body)
    }

    /// A string's content as a `String`.
    var string: String { withContent { String(decoding: $0, as: UTF8.self) } }

    /// An integer's value; nil when the number has a fraction or does not fit Int64.
    var int64: Int64? { isInteger ? JSONBytes.int64(raw) : nil }

    /// A number's value.
    var double: Double? { isNumber ? JSONBytes.double(raw) : nil }
}

/// A fixed set of keys matched against scanned keys as bytes.
struct JSONKeyTable {
    private let names: [[UInt8]]

    /// A table of `names`; a key's index is its position in `names`.
    init(_ names: [String]) {
        precondition(names.count <= 16)
        self.names = names.map { Array($0.utf8) }
    }

    var count: Int { names.count }

    /// The index of the key `key`, or nil.
    func index(of key: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let p = key.baseAddress else { return nil }
        for k in 0..<names.count where names[k].count == key.count {
            if names[k].withUnsafeBufferPointer({ memcmp($0.baseAddress!, p, key.count) }) == 0 { return k }
        }
        return nil
    }

    /// Sets `slots[k]` to the member holding key `k` (the last one when a key repeats); at most 16 keys.
    func assign(_ members: [JSONMember], in base: UnsafePointer<UInt8>, to slots: inout SIMD16<Int32>) {
        for (m, member) in members.enumerated() {
            let key = UnsafeBufferPointer(start: base + member.keyStart, count: member.keyEnd - member.keyStart)
            let found: Int?
            if member.keyEscaped {
                found = JSONBytes.unescape(key).withUnsafeBufferPointer { index(of: $0) }
            } else {
                found = index(of: key)
            }
            if let found { slots[found] = Int32(truncatingIfNeeded: m) }
        }
    }
}

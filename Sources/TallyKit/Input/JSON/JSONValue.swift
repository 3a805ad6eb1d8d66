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

/// The key found at each member position of the last object read with one `JSONKeyTable`.
///
/// Objects of one export nearly always list their keys in the same order, so
/// the key at the same position last time is the first guess (one length and
/// two 8-byte compares) before the table is searched. One per reader and table.
final class JSONKeyOrder {
    /// Positions remembered; later members are searched.
    static let positions = 32
    /// The key index found at each position (-1: none).
    let guesses = UnsafeMutablePointer<Int8>.allocate(capacity: positions)

    init() { guesses.initialize(repeating: -1, count: Self.positions) }

    deinit { guesses.deallocate() }
}

/// A fixed set of keys matched against scanned keys as bytes.
struct JSONKeyTable: Sendable {
    private let names: [[UInt8]]
    /// Per name: its length and its first and last 8 bytes (overlapping when shorter than 16).
    private let packed: [Packed]

    private struct Packed: Sendable {
        var count: Int
        var head: UInt64
        var tail: UInt64
    }

    /// A table of `names`; a key's index is its position in `names`.
    init(_ names: [String]) {
        precondition(names.count <= 16)
        self.names = names.map { Array($0.utf8) }
        packed = self.names.map { name in name.withUnsafeBufferPointer { Self.pack($0) ?? Packed(count: name.count, head: 0, tail: 0) } }
    }

    var count: Int { names.count }

    /// The length and first and last 8 bytes of `key`, when it is 8 to 16 bytes long.
    @inline(__always)
    private static func pack(_ key: UnsafeBufferPointer<UInt8>) -> Packed? {
        guard key.count >= 8, key.count <= 16, let p = key.baseAddress else { return nil }
        let raw = UnsafeRawPointer(p)
        return Packed(
            count: key.count, head: raw.loadUnaligned(as: UInt64.self),
            tail: raw.loadUnaligned(fromByteOffset: key.count - 8, as: UInt64.self))
    }

    /// The index of the key `key`, or nil.
    func index(of key: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let p = key.baseAddress else { return nil }
        for k in 0..<names.count where names[k].count == key.count {
            if names[k].withUnsafeBufferPointer({ memcmp($0.baseAddress!, p, key.count) }) == 0 { return k }
        }
        return nil
    }

    /// Whether `key` is name number `k`.
    @inline(__always)
    private func matches(_ key: UnsafeBufferPointer<UInt8>, _ k: Int) -> Bool {
        let name = packed[k]
        guard name.count == key.count else { return false }
        if let key = Self.pack(key) { return key.head == name.head && key.tail == name.tail }
        return index(of: key) == k
    }

    /// Sets `slots[k]` to the member holding key `k` (the last one when a key repeats); at most 16 keys.
    ///
    /// `order`, when given, guesses each member's key from the last object's and learns this one's.
    func assign(
        _ members: JSONMembers, in base: UnsafePointer<UInt8>, to slots: inout SIMD16<Int32>, order: JSONKeyOrder?
    ) {
        let guesses = order?.guesses
        for (m, member) in members.enumerated() {
            let key = UnsafeBufferPointer(start: base + member.keyStart, count: member.keyEnd - member.keyStart)
            let found: Int?
            if member.keyEscaped {
                found = JSONBytes.unescape(key).withUnsafeBufferPointer { index(of: $0) }
            } else if let guesses, m < JSONKeyOrder.positions {
                let guess = Int(guesses[m])
                if guess >= 0, matches(key, guess) {
                    found = guess
                } else {
                    found = index(of: key)
                    guesses[m] = Int8(found ?? -1)
                }
            } else {
                found = index(of: key)
            }
            if let found { slots[found] = Int32(truncatingIfNeeded: m) }
        }
    }
}

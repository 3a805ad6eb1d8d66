#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a few top-level keys of a JSON object held as text (`config`,
/// `processing_metadata`), validating the whole text, without Foundation.
///
/// A text that does not parse gives no fields at all, as `json_valid` would; the
/// first occurrence of a duplicated key wins, as with `json_extract`. Nesting
/// deeper than `maxDepth` counts as not parsing.
struct JSONTextFields {
    /// A top-level value found for one of the keys asked for.
    enum Value: Equatable {
        case string(String)
        case integer(Int64)
        case real(Double)
        /// An object, array, boolean, null or out-of-range number: not what any caller wants.
        case other
    }

    static let maxDepth = 1000

    let base: UnsafePointer<UInt8>
    let count: Int
    private var i = 0

    private init(_ base: UnsafePointer<UInt8>, _ count: Int) {
        self.base = base
        self.count = count
    }

    /// The values of `keys` in a JSON text (each `nil` when absent), or `nil` when the text is not JSON.
    static func values(in text: UnsafeBufferPointer<UInt8>, keys: [[UInt8]]) -> [Value?]? {
        var found: [Value?] = []
        return values(in: text, keys: keys, into: &found) ? found : nil
    }

    /// Fills `found` (reset to one `nil` per key, its storage reused across rows)
    /// with the values of `keys`; false, and `found` all `nil`, when the text is not JSON.
    static func values(in text: UnsafeBufferPointer<UInt8>, keys: [[UInt8]], into found: inout [Value?]) -> Bool {
        if found.count == keys.count {
            for k in found.indices { found[k] = nil }
        } else {
            found = Array(repeating: nil, count: keys.count)
        }
        guard let base = text.baseAddress, !text.isEmpty else { return false }
        var scanner = JSONTextFields(base, text.count)
        scanner.skipSpace()
        if scanner.peek == UInt8(ascii: "{") {
            if scanner.topLevelObject(keys: keys, into: &found) {
                scanner.skipSpace()
                if scanner.i == scanner.count { return true }
            }
        } else if scanner.skipValue(depth: 0) {
            scanner.skipSpace()
            if scanner.i == scanner.count { return true }
        }
        for k in found.indices { found[k] = nil }
        return false
    }

    private var peek: UInt8 { i < count ? base[i] : 0 }

    private mutating func skipSpace() {
        while i < count, base[i] == 0x20 || base[i] == 0x0A || base[i] == 0x0D || base[i] == 0x09 { i += 1 }
    }

    private mutating func topLevelObject(keys: [[UInt8]], into found: inout [Value?]) -> Bool {
        i += 1
        skipSpace()
        if peek == UInt8(ascii: "}") {
            i += 1
            return true
        }
        while true {
            skipSpace()
            let keyStart = i + 1
            guard peek == UInt8(ascii: "\""), let keyHasEscapes = skipString() else { return false }
            let key = UnsafeBufferPointer(start: base + keyStart, count: i - 1 - keyStart)
            skipSpace()
            guard peek == UInt8(ascii: ":") else { return false }
            i += 1
            skipSpace()
            let valueStart = i
            guard skipValue(depth: 1) else { return false }
            if !keyHasEscapes, let k = keys.firstIndex(where: { ByteInterner.equal($0, key) }), found[k] == nil {
                found[k] = value(from: valueStart, to: i)
            }
            skipSpace()
            if peek == UInt8(ascii: ",") {
                i += 1
            } else if peek == UInt8(ascii: "}") {
                i += 1
                return true
            } else {
                return false
            }
        }
    }

    /// Skips one value starting at `i` (no leading space).
    private mutating func skipValue(depth: Int) -> Bool {
        switch peek {
        case UInt8(ascii: "\""): return skipString() != nil
        case UInt8(ascii: "{"), UInt8(ascii: "["): return skipContainer(depth: depth + 1)
        case UInt8(ascii: "t"): return skipLiteral("true")
        case UInt8(ascii: "f"): return skipLiteral("false")
        case UInt8(ascii: "n"): return skipLiteral("null")
        default: return skipNumber() != nil
        }
    }

    private mutating func skipContainer(depth: Int) -> Bool {
        guard depth <= Self.maxDepth else { return false }
        let isObject = peek == UInt8(ascii: "{")
        let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
        i += 1
        skipSpace()
        if peek == close {
            i += 1
            return true
        }
        while true {
            skipSpace()
            if isObject {
                guard peek == UInt8(ascii: "\""), skipString() != nil else { return false }
                skipSpace()
                guard peek == UInt8(ascii: ":") else { return false }
                i += 1
                skipSpace()
            }
            guard skipValue(depth: depth) else { return false }
            skipSpace()
            if peek == UInt8(ascii: ",") {
                i += 1
            } else if peek == close {
                i += 1
                return true
            } else {
                return false
            }
        }
    }

    /// Skips a string starting at its quote; whether it held escapes, `nil` when malformed.
    private mutating func skipString() -> Bool? {
        i += 1
        var escapes = false
        while true {
            // Straight to the first quote, backslash or control byte of the next 8, if any.
            while i + 8 <= count {
                let special = Self.specialBytes(UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)))
                if special == 0 {
                    i += 8
                } else {
                    i += special.trailingZeroBitCount >> 3
                    break
                }
            }
            guard i < count else { return nil }
            let c = base[i]
            if c == UInt8(ascii: "\"") {
                i += 1
                return escapes
            }
            if c < 0x20 { return nil }
            if c == UInt8(ascii: "\\") {
                escapes = true
                i += 1
                guard i < count else { return nil }
                switch base[i] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                    UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    break
                case UInt8(ascii: "u"):
                    guard i + 4 < count, (1...4).allSatisfy({ JSONBytes.hexValue(base[i + $0]) != nil }) else {
                        return nil
                    }
                    i += 4
                default:
                    return nil
                }
            }
            i += 1
        }
    }

    /// The high bit of each byte of `word` (little-endian) that ends or interrupts a
    /// string's plain run: a quote, a backslash or a control character. The borrow
    /// tricks may only mark bytes after one that is really there, so the lowest mark,
    /// and whether there is one, are exact.
    @inline(__always)
    static func specialBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* UInt64(UInt8(ascii: "\""))), backslash = word ^ (ones &* UInt64(UInt8(ascii: "\\")))
        let zeroIn = { (v: UInt64) in (v &- ones) & ~v & highs }
        let control = (word &- ones &* 0x20) & ~word & highs
        return zeroIn(quote) | zeroIn(backslash) | control
    }

    private mutating func skipLiteral(_ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard i + n <= count, memcmp(base + i, word.utf8Start, n) == 0 else { return false }
        i += n
        return true
    }

    /// Skips a number; whether it was an integer (no fraction or exponent), `nil` when malformed.
    private mutating func skipNumber() -> Bool? {
        if peek == UInt8(ascii: "-") { i += 1 }
        guard isDigit(peek) else { return nil }
        if peek == UInt8(ascii: "0") { i += 1 } else { while isDigit(peek) { i += 1 } }
        var integer = true
        if peek == UInt8(ascii: ".") {
            i += 1
            guard isDigit(peek) else { return nil }
            while isDigit(peek) { i += 1 }
            integer = false
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            i += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { i += 1 }
            guard isDigit(peek) else { return nil }
            while isDigit(peek) { i += 1 }
            integer = false
        }
        return integer
    }

    private func isDigit(_ c: UInt8) -> Bool { JSONBytes.isDigit(c) }
}

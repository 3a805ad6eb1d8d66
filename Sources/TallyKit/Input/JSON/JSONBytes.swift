#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-level helpers for JSON text: digits, hex, string unescaping and number parsing.
enum JSONBytes {
    @inline(__always)
    static func isDigit(_ c: UInt8) -> Bool { c &- 0x30 < 10 }

    /// The value of a hex digit, or nil.
    @inline(__always)
    static func hexValue(_ c: UInt8) -> UInt32? {
        switch c {
        case 0x30...0x39: return UInt32(c - 0x30)
        case 0x41...0x46: return UInt32(c - 0x41 + 10)
        case 0x61...0x66: return UInt32(c - 0x61 + 10)
        default: return nil
        }
    }

    /// Decodes the escapes of a scanned string's content (quotes excluded) into UTF-8 bytes.
    ///
    /// Lone surrogates become U+FFFD.
    static func unescape(_ s: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        unescape(s, into: &out)
        return out
    }

    /// `unescape(_:)` into `out`, replacing its contents (so callers can reuse its storage).
    ///
    /// Runs without a backslash are copied whole.
    static func unescape(_ s: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        out.reserveCapacity(s.count)
        guard let base = s.baseAddress else { return }
        var i = 0
        while i < s.count {
            let run = memchr(base + i, 0x5C, s.count - i).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) - i }
                ?? s.count - i
            out.append(contentsOf: UnsafeBufferPointer(start: base + i, count: run))
            i += run
            guard i + 1 < s.count else {
                if i < s.count { out.append(s[i]) }  // a lone backslash at the end stays
                return
            }
            let e = s[i + 1]
            i += 2
            switch e {
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75:
                var scalar = hex4(s, i) ?? 0xFFFD
                i += 4
                if scalar >= 0xD800, scalar < 0xDC00, i + 6 <= s.count, s[i] == 0x5C, s[i + 1] == 0x75,
                   let low = hex4(s, i + 2), low >= 0xDC00, low < 0xE000 {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                }
                out.append(contentsOf: String(Unicode.Scalar(scalar) ?? "\u{FFFD}").utf8)
            default: out.append(e)
            }
        }
    }

    private static func hex4(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt32? {
        guard i + 4 <= s.count else { return nil }
        var v: UInt32 = 0
        for k in i..<(i + 4) {
            guard let h = hexValue(s[k]) else { return nil }
            v = v << 4 | h
        }
        return v
    }

    /// Parses a scanned JSON integer (`-?digits`); nil when it does not fit Int64.
    static func int64(_ s: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard !s.isEmpty else { return nil }
        let negative = s[0] == 0x2D
        var v: Int64 = 0
        for k in (negative ? 1 : 0)..<s.count {
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let d = Int64(s[k] &- 0x30)
            let (a, o2) = negative ? m.subtractingReportingOverflow(d) : m.addingReportingOverflow(d)
            if o1 || o2 { return nil }
            v = a
        }
        return v
    }

    private static let powersOfTen: [Double] = (0...22).map { exactPowerOfTen($0) }

    private static func exactPowerOfTen(_ n: Int) -> Double {
        var p = 1.0
        for _ in 0..<n { p *= 10 }
        return p
    }

    /// Parses a scanned JSON number; exact fast path for short decimals, else the standard library's parser.
    static func double(_ s: UnsafeBufferPointer<UInt8>) -> Double? {
        var mantissa: UInt64 = 0
        var digits = 0
        var fraction = 0
        var seenPoint = false
        var i = s.first == 0x2D ? 1 : 0
        while i < s.count {
            let c = s[i]
            if isDigit(c) {
                mantissa = mantissa &* 10 &+ UInt64(c - 0x30)
                digits += 1
                if seenPoint { fraction += 1 }
            } else if c == 0x2E, !seenPoint {
                seenPoint = true
            } else {
                break
            }
            i += 1
        }
        if i == s.count, digits <= 15, fraction <= 22 {
            let value = Double(mantissa) / powersOfTen[fraction]
            return s.first == 0x2D ? -value : value
        }
        return Double(String(decoding: s, as: UTF8.self))
    }
}

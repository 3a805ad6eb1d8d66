extension JSONTextFields {
    /// Decodes the already validated value in `start..<end`.
    func value(from start: Int, to end: Int) -> Value {
        let text = UnsafeBufferPointer(start: base + start, count: end - start)
        switch text[0] {
        case UInt8(ascii: "\""):
            let inner = UnsafeBufferPointer(rebasing: text[1..<(text.count - 1)])
            return .string(
                inner.contains(UInt8(ascii: "\\")) ? Self.unescape(inner) : String(decoding: inner, as: UTF8.self))
        case UInt8(ascii: "-"), 0x30...0x39:
            return Self.number(text)
        default:
            return .other
        }
    }

    /// A validated number: an integer when it is one and fits in 64 bits, else a double.
    static func number(_ text: UnsafeBufferPointer<UInt8>) -> Value {
        var i = 0
        let negative = text[0] == UInt8(ascii: "-")
        if negative { i = 1 }
        var mantissa: UInt64 = 0
        var digits = 0
        var scale = 0
        var exact = true
        while i < text.count, text[i] &- 0x30 < 10 {
            accumulate(text[i], &mantissa, &digits, &exact, &scale)
            i += 1
        }
        let isInteger = i == text.count
        if isInteger, exact, mantissa <= (negative ? UInt64(1) << 63 : UInt64(Int64.max)) {
            return .integer(negative ? Int64(truncatingIfNeeded: 0 &- mantissa) : Int64(mantissa))
        }
        if i < text.count, text[i] == UInt8(ascii: ".") {
            i += 1
            while i < text.count, text[i] &- 0x30 < 10 {
                accumulate(text[i], &mantissa, &digits, &exact, &scale)
                scale -= 1
                i += 1
            }
        }
        if i < text.count {  // exponent
            i += 1
            var sign = 1
            if text[i] == UInt8(ascii: "-") || text[i] == UInt8(ascii: "+") {
                sign = text[i] == UInt8(ascii: "-") ? -1 : 1
                i += 1
            }
            var e = 0
            while i < text.count {
                e = min(e * 10 + Int(text[i] - 0x30), 100_000)
                i += 1
            }
            scale += sign * e
        }
        // Clinger's fast path: both operands exact, so one rounding.
        if exact, mantissa < 1 << 53, abs(scale) <= 22 {
            let m = Double(mantissa)
            let value = scale < 0 ? m / powersOfTen[-scale] : m * powersOfTen[scale]
            return .real(negative ? -value : value)
        }
        return Double(String(decoding: text, as: UTF8.self)).map { .real($0) } ?? .other
    }

    private static func accumulate(
        _ c: UInt8, _ m: inout UInt64, _ digits: inout Int, _ exact: inout Bool, _ scale: inout Int
    ) {
        let (times10, o1) = m.multipliedReportingOverflow(by: 10)
        let (next, o2) = times10.addingReportingOverflow(UInt64(c - 0x30))
        if o1 || o2 {
            exact = false
            scale += 1  // drop the digit, keep the magnitude
        } else {
            m = next
        }
        digits += 1
    }

    private static let powersOfTen: [Double] = (0...22).map { p in (0..<p).reduce(1.0) { r, _ in r * 10 } }

    /// A JSON string body with escapes resolved (lone surrogates become U+FFFD).
    static func unescape(_ text: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var i = 0
        func hex4(_ at: Int) -> UInt32 {
            (0..<4).reduce(0) { $0 << 4 | (hexValue(text[at + $1]) ?? 0) }
        }
        while i < text.count {
            let c = text[i]
            guard c == UInt8(ascii: "\\") else {
                out.append(c)
                i += 1
                continue
            }
            let e = text[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = hex4(i)
                i += 4
                if scalar & 0xFC00 == 0xD800, i + 6 <= text.count, text[i] == UInt8(ascii: "\\"),
                    text[i + 1] == UInt8(ascii: "u"), hex4(i + 2) & 0xFC00 == 0xDC00
                {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (hex4(i + 2) - 0xDC00)
                    i += 6
                }
                out.append(contentsOf: String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8)
            default: out.append(e)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

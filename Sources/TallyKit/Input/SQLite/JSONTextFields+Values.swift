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

    /// A JSON string body with escapes resolved (lone surrogates become U+FFFD), by the JSON reader's decoder.
    static func unescape(_ text: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: JSONBytes.unescape(text), as: UTF8.self)
    }
}

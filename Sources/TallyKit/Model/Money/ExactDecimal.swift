/// An exact signed decimal: a 128-bit integer mantissa and a count of decimal places.
///
/// Money and billable quantities use it so that no binary float ever touches a
/// price: `0.0004` is stored as mantissa 4, scale 4. Values are parsed from
/// strings only. Equality is numeric (`1.50 == 1.5`); the scale is kept so
/// prices print as the plan wrote them.
package struct ExactDecimal: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The digits as an integer: the value is `mantissa / 10^scale`.
    package let mantissa: Int128
    /// The number of decimal places, 0 or more.
    package let scale: Int

    /// The largest scale any value may have; products of two values stay below it.
    package static let maximumScale = 36

    /// Makes `mantissa / 10^scale`.
    package init(mantissa: Int128, scale: Int) {
        precondition(scale >= 0 && scale <= Self.maximumScale, "ExactDecimal scale \(scale) out of range")
        self.mantissa = mantissa
        self.scale = scale
    }

    /// Makes a whole number.
    package init(_ integer: Int64) {
        self.init(mantissa: Int128(integer), scale: 0)
    }

    /// Zero.
    package static let zero = ExactDecimal(0)

    /// `numerator / 10^places`, exactly (bytes to megabytes, microseconds to seconds).
    package static func fraction(_ numerator: Int64, tenToThe places: Int) -> ExactDecimal {
        ExactDecimal(mantissa: Int128(numerator), scale: places).normalized
    }

    /// Parses `[-]digits[.digits]` (no exponent, sign `+`, spaces or separators).
    ///
    /// - Returns: `nil` when the text is not such a decimal or has more than `maxScale` places.
    package init?(parsing text: String, maxScale: Int = 18) {
        var utf8 = Substring(text).utf8[...]
        let negative = utf8.first == UInt8(ascii: "-")
        if negative { utf8 = utf8.dropFirst() }
        var mantissa: Int128 = 0
        var scale = 0
        var digits = 0
        var seenPoint = false
        for byte in utf8 {
            if byte == UInt8(ascii: ".") {
                if seenPoint { return nil }
                seenPoint = true
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            digits += 1
            if seenPoint { scale += 1 }
            guard digits <= 30, scale <= maxScale else { return nil }
            mantissa = mantissa * 10 + Int128(byte - UInt8(ascii: "0"))
        }
        guard digits > 0, !(seenPoint && scale == 0), utf8.first != UInt8(ascii: ".") else { return nil }
        self.init(mantissa: negative ? -mantissa : mantissa, scale: scale)
    }

    /// `10^exponent` as a 128-bit integer.
    static func powerOfTen(_ exponent: Int) -> Int128 {
        var result: Int128 = 1
        for _ in 0..<exponent { result *= 10 }
        return result
    }

    /// This value's mantissa at a larger or equal scale.
    func mantissa(atScale target: Int) -> Int128 {
        precondition(target >= scale)
        return mantissa * Self.powerOfTen(target - scale)
    }

    /// The same value with trailing fractional zeros removed.
    package var normalized: ExactDecimal {
        var m = mantissa
        var s = scale
        while s > 0, m % 10 == 0 {
            m /= 10
            s -= 1
        }
        return ExactDecimal(mantissa: m, scale: s)
    }

    /// True when the value is below zero.
    package var isNegative: Bool { mantissa < 0 }

    /// True when the value is zero.
    package var isZero: Bool { mantissa == 0 }

    /// True when the value has no fractional part.
    package var isInteger: Bool { normalized.scale == 0 }

    /// The exact sum.
    package static func + (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
        let s = max(lhs.scale, rhs.scale)
        return ExactDecimal(mantissa: lhs.mantissa(atScale: s) + rhs.mantissa(atScale: s), scale: s)
    }

    /// The exact difference.
    package static func - (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
        lhs + (-rhs)
    }

    /// The negated value.
    package static prefix func - (value: ExactDecimal) -> ExactDecimal {
        ExactDecimal(mantissa: -value.mantissa, scale: value.scale)
    }

    /// The exact product; trailing zeros are dropped so scales stay small.
    package static func * (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
        let a = lhs.normalized
        let b = rhs.normalized
        return ExactDecimal(mantissa: a.mantissa * b.mantissa, scale: a.scale + b.scale).normalized
    }

    /// The value divided by 100, exactly (a percentage as a rate).
    package var percentAsRate: ExactDecimal {
        ExactDecimal(mantissa: mantissa, scale: scale + 2).normalized
    }

    /// Numeric order, whatever the scales.
    package static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        let s = max(lhs.scale, rhs.scale)
        return lhs.mantissa(atScale: s) < rhs.mantissa(atScale: s)
    }

    /// Numeric equality: `1.50 == 1.5`.
    package static func == (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        let s = max(lhs.scale, rhs.scale)
        return lhs.mantissa(atScale: s) == rhs.mantissa(atScale: s)
    }

    /// Hashes the normalized value, consistent with `==`.
    package func hash(into hasher: inout Hasher) {
        let n = normalized
        hasher.combine(n.mantissa)
        hasher.combine(n.scale)
    }

    /// All digits at this value's own scale, e.g. `0.0004`, `19.00`, `-3`.
    package var description: String {
        let magnitude = mantissa.magnitude
        var digits = String(magnitude)
        if scale > 0 {
            if digits.count <= scale {
                digits = String(repeating: "0", count: scale - digits.count + 1) + digits
            }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -scale))
        }
        return mantissa < 0 ? "-" + digits : digits
    }

    /// A plain string with at least `minimumFractionDigits` places and no trailing zeros beyond them.
    package func string(minimumFractionDigits: Int) -> String {
        let n = normalized
        if n.scale >= minimumFractionDigits { return n.description }
        return ExactDecimal(mantissa: n.mantissa(atScale: minimumFractionDigits), scale: minimumFractionDigits)
            .description
    }
}

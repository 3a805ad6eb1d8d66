/// How an exact amount is rounded to the currency's minor units.
package enum RoundingMode: String, Sendable, CaseIterable {
    /// Ties go away from zero: 0.125 -> 0.13, -0.125 -> -0.13.
    case halfUp = "half-up"
    /// Ties go to the even neighbour (banker's rounding): 0.125 -> 0.12, 0.135 -> 0.14.
    case halfEven = "half-even"
}

extension ExactDecimal {
    /// This value rounded to `places` decimals with `mode`; exact values are returned at that scale unchanged.
    package func rounded(toPlaces places: Int, mode: RoundingMode) -> ExactDecimal {
        if scale <= places {
            return ExactDecimal(mantissa: mantissa(atScale: places), scale: places)
        }
        let divisor = Self.powerOfTen(scale - places)
        let quotient = mantissa / divisor
        let remainder = (mantissa % divisor).magnitude
        let twice = remainder * 2
        let divisorMagnitude = divisor.magnitude
        let awayFromZero: Bool
        if twice > divisorMagnitude {
            awayFromZero = true
        } else if twice < divisorMagnitude {
            awayFromZero = false
        } else {
            switch mode {
            case .halfUp: awayFromZero = true
            case .halfEven: awayFromZero = quotient % 2 != 0
            }
        }
        let step: Int128 = mantissa < 0 ? -1 : 1
        return ExactDecimal(mantissa: awayFromZero ? quotient + step : quotient, scale: places)
    }

    /// `ceil(self / divisor)` for positive operands, as a whole number (package counts).
    package func ceilingQuotient(dividingBy divisor: ExactDecimal) -> ExactDecimal {
        precondition(divisor.mantissa > 0, "divisor must be positive")
        guard mantissa > 0 else { return .zero }
        let s = max(scale, divisor.scale)
        let a = mantissa(atScale: s)
        let b = divisor.mantissa(atScale: s)
        return ExactDecimal(mantissa: (a + b - 1) / b, scale: 0)
    }

    /// The value written with exactly `places` decimals; it must already have at most that many.
    package func formatted(places: Int) -> String {
        precondition(normalized.scale <= places, "\(self) has more than \(places) decimals; round it first")
        return ExactDecimal(mantissa: normalized.mantissa(atScale: places), scale: places).description
    }
}

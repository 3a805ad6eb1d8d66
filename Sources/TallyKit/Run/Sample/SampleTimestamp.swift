/// One of the timestamp spellings the upstream service's exports contain (`upstream.md`).
///
/// A spelling is a date-time separator, a number of fraction digits (0, 1, 3, 6
/// or 9) and a zone suffix. The generator picks one per value, so text order is
/// not time order in the samples.
package struct SampleTimestampSpelling: Sendable, Hashable {
    /// The zone suffix of a spelling.
    package enum Zone: Sendable, Hashable, CaseIterable {
        /// `Z`.
        case z
        /// `+00`, PostgreSQL's text output.
        case plusHours
        /// `+00:00`.
        case plusColon
        /// `+05:30` (local time in India).
        case india
        /// `-07:00` (local time in Denver).
        case mountain
        /// No suffix: naive, meaning UTC.
        case naive

        /// Offset from UTC in seconds.
        var offsetSeconds: Int64 {
            switch self {
            case .z, .plusHours, .plusColon, .naive: return 0
            case .india: return 19_800
            case .mountain: return -25_200
            }
        }

        var suffix: String {
            switch self {
            case .z: return "Z"
            case .plusHours: return "+00"
            case .plusColon: return "+00:00"
            case .india: return "+05:30"
            case .mountain: return "-07:00"
            case .naive: return ""
            }
        }
    }

    /// `true` for `T` between date and time, `false` for a space.
    package var usesT: Bool
    /// Fraction digits: 0, 1, 3, 6 or 9.
    package var fractionDigits: Int
    /// Zone suffix.
    package var zone: Zone

    /// The canonical export spelling, `2026-11-14T16:11:30.030529Z`.
    package static let canonical = SampleTimestampSpelling(usesT: true, fractionDigits: 6, zone: .z)

    private static let digitChoices = [0, 1, 3, 6, 9]
    private static let digitWeights = [30, 4, 14, 46, 6]
    private static let zoneWeights = [30, 20, 18, 8, 7, 17]

    /// A spelling drawn by the generator's weights.
    static func random(_ rng: inout SampleRandom) -> SampleTimestampSpelling {
        let usesT = rng.below(100) < 65
        let digits = digitChoices[rng.weighted(digitWeights)]
        let zone = Zone.allCases[rng.weighted(zoneWeights)]
        return SampleTimestampSpelling(usesT: usesT, fractionDigits: digits, zone: zone)
    }

    /// The instant this spelling can express exactly: `instant` truncated to its digits.
    func truncate(_ instant: Instant) -> Instant {
        guard fractionDigits < 6 else { return instant }
        var unit: Int64 = 1
        for _ in fractionDigits..<6 { unit *= 10 }
        let micros = instant.microseconds
        let floored = micros >= 0 ? micros / unit * unit : (micros - unit + 1) / unit * unit
        return Instant(microseconds: floored)
    }

    /// The text of `instant` (already truncated) in this spelling; `extra` supplies the 7th-9th digits.
    func text(_ instant: Instant, extra: Int) -> String {
        let local = instant.microseconds + zone.offsetSeconds * 1_000_000
        let micros = ((local % 1_000_000) + 1_000_000) % 1_000_000
        let secs = (local - micros) / 1_000_000
        let days = secs >= 0 ? secs / 86_400 : (secs - 86_399) / 86_400
        let secOfDay = Int(secs - days * 86_400)
        let date = CivilDate(daysSinceEpoch: days)
        var out: [UInt8] = []
        out.reserveCapacity(36)
        Self.digits(date.year, 4, &out)
        out.append(0x2D)
        Self.digits(date.month, 2, &out)
        out.append(0x2D)
        Self.digits(date.day, 2, &out)
        out.append(usesT ? 0x54 : 0x20)
        Self.digits(secOfDay / 3600, 2, &out)
        out.append(0x3A)
        Self.digits(secOfDay / 60 % 60, 2, &out)
        out.append(0x3A)
        Self.digits(secOfDay % 60, 2, &out)
        if fractionDigits > 0 {
            out.append(0x2E)
            var fraction = Int(micros)
            var width = 6
            while width > fractionDigits { fraction /= 10; width -= 1 }
            Self.digits(fraction, min(fractionDigits, 6), &out)
            if fractionDigits > 6 { Self.digits(extra % 1000, fractionDigits - 6, &out) }
        }
        out.append(contentsOf: zone.suffix.utf8)
        return String(decoding: out, as: UTF8.self)
    }

    private static func digits(_ value: Int, _ width: Int, _ out: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var v = value
        while divisor > 0 {
            out.append(UInt8(48 + v / divisor % 10))
            v %= divisor
            divisor /= 10
        }
    }
}

extension SampleRandom {
    /// A timestamp in a random spelling, and the exact instant that text names.
    ///
    /// The instant is `instant` truncated to the spelling's fraction digits (never
    /// later than `instant`, by less than one second).
    mutating func timestamp(_ instant: Instant) -> (text: String, instant: Instant) {
        let spelling = SampleTimestampSpelling.random(&self)
        let exact = spelling.truncate(instant)
        let extra = spelling.fractionDigits > 6 ? below(1000) : 0
        return (spelling.text(exact, extra: extra), exact)
    }
}

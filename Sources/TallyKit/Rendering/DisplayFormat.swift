import Foundation

/// Fixed English formatting of numbers, rates, durations and instants for the
/// human outputs (HTML, Markdown); CSV and JSON use plain forms instead.
///
/// Instants are shown in the report zone passed in, never the process zone.
/// No `DateFormatter`: the zone offset comes from `TimeZone` and the civil
/// arithmetic from `CivilDate`, so the output is the same on every machine
/// with the same tz database.
package struct DisplayFormat: Sendable {
    /// The report zone.
    package let zone: TimeZone

    /// Makes a formatter for a report zone.
    package init(zone: TimeZone) {
        self.zone = zone
    }

    /// `1,234,567` (minus sign for negatives).
    package func count(_ value: Int64) -> String {
        String(unsafeUninitializedCapacity: ByteText.maxWidth) { ByteText.write(value, grouped: true, into: $0) }
    }

    /// `1 document`, `0 documents`, `1,234 documents`: the count and its noun, singular
    /// for exactly one (`plural` when adding `s` is wrong).
    package func count(_ value: Int64, _ singular: String, plural: String? = nil) -> String {
        count(value) + " " + (value == 1 ? singular : plural ?? singular + "s")
    }

    /// `95.3%` with one decimal, rounded half up from the integers; `n/a` for 0/0.
    package func percent(_ ratio: Ratio) -> String {
        guard ratio.denominator != 0 else { return "n/a" }
        return Self.decimal(numerator: Int128(ratio.numerator) * 1000, denominator: Int128(ratio.denominator), places: 1) + "%"
    }

    /// Change from `previous` to `current` as `+12.5%`, `-3.0%`, `0.0%`, or `new` when previous is zero.
    package func change(_ current: Int64, from previous: Int64) -> String {
        if previous == current { return "0.0%" }
        if previous == 0 { return "new" }
        let text = Self.decimal(numerator: (Int128(current) - Int128(previous)) * 1000, denominator: Int128(previous), places: 1)
        return (current >= previous ? "+" : "") + text + "%"
    }

    /// Change between two rates in percentage points: `+1.2 pp`, `-0.4 pp`; `n/a` when either is 0/0.
    package func pointChange(_ current: Ratio, from previous: Ratio) -> String {
        guard let a = current.fraction, let b = previous.fraction else { return "n/a" }
        // Clamped: a rate past 100% (negative counters) can be any size.
        let tenths = Int64(max(-1e15, min(1e15, ((a - b) * 1000).rounded())))
        return (tenths >= 0 ? "+" : "") + Self.decimal(numerator: tenths, denominator: 1, places: 1) + " pp"
    }

    /// Humanised duration: `0 ms`, `350 ms`, `12.5 s`, `4 min 05 s`, `2 h 05 min`, `3 d 04 h`.
    package func duration(micros: Int64) -> String {
        if micros < 0 { return "-" + duration(micros: micros == .min ? .max : -micros) }
        let ms = micros / 1000
        if ms < 1000 { return micros > 0 && ms == 0 ? "< 1 ms" : "\(ms) ms" }
        let seconds = micros / 1_000_000
        if seconds < 60 { return Self.decimal(numerator: micros, denominator: 100_000, places: 1) + " s" }
        if seconds < 3600 { return "\(seconds / 60) min \(Self.pad2(seconds % 60)) s" }
        if seconds < 86_400 { return "\(seconds / 3600) h \(Self.pad2(seconds / 60 % 60)) min" }
        return "\(seconds / 86_400) d \(Self.pad2(seconds / 3600 % 24)) h"
    }

    /// An optional duration; `–` when absent.
    package func duration(_ micros: Int64?) -> String {
        micros.map { duration(micros: $0) } ?? "–"
    }

    /// Bytes in decimal units with one decimal: `950 B`, `1.5 kB`, `12.0 MB`, `3.2 GB`.
    package func bytes(_ value: Int64) -> String {
        let units: [(Int64, String)] = [(1_000_000_000_000, "TB"), (1_000_000_000, "GB"), (1_000_000, "MB"), (1000, "kB")]
        for (size, unit) in units where value.magnitude >= size.magnitude {
            return Self.decimal(numerator: Int128(value) * 10, denominator: Int128(size), places: 1) + " " + unit
        }
        return "\(value) B"
    }

    /// `2026-03-01 14:05` in the report zone.
    package func minute(_ instant: Instant) -> String {
        let (date, secOfDay) = local(instant)
        return "\(date) \(Self.pad2(Int64(secOfDay / 3600))):\(Self.pad2(Int64(secOfDay / 60 % 60)))"
    }

    /// `2026-03-01 14:05`, or `–` when absent.
    package func minute(_ instant: Instant?) -> String {
        instant.map { minute($0) } ?? "–"
    }

    /// The calendar date of an instant in the report zone.
    package func date(_ instant: Instant) -> CivilDate {
        local(instant).date
    }

    /// The zone's offset at an instant: `+01:00`, `-05:30`, `+00:00`.
    package func offset(at instant: Instant) -> String {
        let seconds = zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(instant.seconds)))
        let sign = seconds < 0 ? "-" : "+"
        let m = abs(seconds) / 60
        return "\(sign)\(Self.pad2(Int64(m / 60))):\(Self.pad2(Int64(m % 60)))"
    }

    /// Local date and second of day of an instant in the report zone.
    func local(_ instant: Instant) -> (date: CivilDate, secondOfDay: Int) {
        let offset = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(instant.seconds))))
        let secs = instant.seconds + offset
        let days = secs >= 0 ? secs / 86_400 : (secs - 86_399) / 86_400
        return (CivilDate(daysSinceEpoch: days), Int(secs - days * 86_400))
    }

    /// `numerator / denominator` (already multiplied by 10^places) rounded half away from zero, with `places` decimals.
    static func decimal(numerator: Int64, denominator: Int64, places: Int) -> String {
        decimal(numerator: Int128(numerator), denominator: Int128(denominator), places: places)
    }

    /// `decimal(numerator:denominator:places:)` in 128 bits: callers scale 64-bit
    /// counts by 10^places there, which no count can overflow.
    static func decimal(numerator: Int128, denominator: Int128, places: Int) -> String {
        let negative = (numerator < 0) != (denominator < 0) && numerator != 0
        let n = numerator.magnitude, d = denominator.magnitude
        let (q, r) = n.quotientAndRemainder(dividingBy: d)
        let rounded = r >= d - r ? q + 1 : q
        var unit: UInt128 = 1
        for _ in 0..<places { unit *= 10 }
        let whole = rounded / unit, frac = rounded % unit
        var fracText = String(frac)
        while fracText.count < places { fracText = "0" + fracText }
        let text = places == 0 ? String(whole) : "\(whole).\(fracText)"
        return negative && rounded != 0 ? "-" + text : text
    }

    /// A plain decimal with thousands separators in its whole part: `-1234567.5` → `-1,234,567.5`.
    static func grouped(_ plain: String) -> String {
        let sign = plain.hasPrefix("-") ? "-" : ""
        let unsigned = plain.dropFirst(sign.count)
        let whole = unsigned.prefix { $0 != "." }
        guard whole.count > 3, whole.allSatisfy(\.isASCII), whole.allSatisfy(\.isNumber) else { return plain }
        var out = ""
        for (index, digit) in whole.enumerated() {
            if index > 0 && (whole.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return sign + out + unsigned.dropFirst(whole.count)
    }

    /// `7` → `07`: an hour or minute of two digits.
    static func pad2(_ value: Int64) -> String {
        value < 10 ? "0\(value)" : String(value)
    }
}

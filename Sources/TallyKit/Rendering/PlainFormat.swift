/// Plain machine formats for CSV and JSON: no thousands separators, dot decimal,
/// ISO 8601 UTC timestamps.
enum PlainFormat {
    /// Microseconds as seconds with six decimals: `12.000350`, `-0.500000`.
    static func seconds(micros: Int64) -> String {
        DisplayFormat.decimal(numerator: micros, denominator: 1, places: 6)
    }

    /// A ratio as a fraction with six decimals (`0.953125`), empty for 0/0.
    static func fraction(_ ratio: Ratio) -> String {
        guard ratio.denominator != 0 else { return "" }
        return DisplayFormat.decimal(numerator: Int128(ratio.numerator) * 1_000_000, denominator: Int128(ratio.denominator), places: 6)
    }

    /// An optional instant as ISO UTC, empty when absent.
    static func iso(_ instant: Instant?) -> String {
        instant?.isoString ?? ""
    }
}

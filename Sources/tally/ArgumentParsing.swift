import ArgumentParser
import TallyKit

/// Parsers for option values, each failing with a `ValidationError` (exit 64).
enum ArgumentParsing {
    /// An ISO 8601 timestamp, or a date meaning midnight UTC.
    static func instant(_ text: String) throws -> Instant {
        if let instant = TimestampParser.parse(text) { return instant }
        if let date = PeriodSpec.parseDate(text) { return Instant(seconds: date.daysSinceEpoch * 86_400) }
        throw ValidationError("--as-of '\(text)' is not a timestamp (e.g. 2026-11-29T06:00:00Z)")
    }

    /// A `YYYY-MM-DD` date.
    static func date(_ text: String, _ option: String) throws -> CivilDate {
        guard let date = PeriodSpec.parseDate(text) else { throw ValidationError("\(option) '\(text)' is not a date (YYYY-MM-DD)") }
        return date
    }

    /// `html,csv,md,json`.
    static func formats(_ text: String) throws -> Set<ReportFormat> {
        var formats: Set<ReportFormat> = []
        for part in text.split(separator: ",") {
            let name = part.trimmingCharacters(in: .whitespaces).lowercased()
            guard let format = ReportFormat(rawValue: name) else {
                throw ValidationError("--format: unknown format '\(name)' (use html, csv, md, json)")
            }
            formats.insert(format)
        }
        guard !formats.isEmpty else { throw ValidationError("--format: give at least one of html, csv, md, json") }
        return formats
    }

    /// `90m`, `6h`, `2d`, `45s` as microseconds.
    static func duration(_ text: String, _ option: String) throws -> Int64 {
        let units: [Character: Int64] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
        guard let unit = text.last, let seconds = units[unit], let n = Int64(text.dropLast()), n >= 0 else {
            throw ValidationError("\(option) '\(text)' is not a duration (e.g. 90m, 6h, 2d)")
        }
        return n * seconds * 1_000_000
    }

    /// Runs a library parser, turning its usage errors into validation errors.
    static func usage<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as TallyError { throw ValidationError(error.description) }
    }
}

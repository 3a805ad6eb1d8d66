import Foundation

/// Parsers for option values shared by the command line and the config file.
///
/// Messages leave out the option's name: `named` puts a flag's in front, and
/// config errors put the file, line and key there.
package enum OptionValues {
    /// `html,csv,md,json` (any order, any subset) as a set of formats.
    package static func formats(_ names: [String]) throws -> Set<ReportFormat> {
        var formats: Set<ReportFormat> = []
        for part in names.flatMap({ $0.split(separator: ",") }) {
            let name = part.trimmingCharacters(in: .whitespaces).lowercased()
            guard let format = ReportFormat(rawValue: name) else {
                throw TallyError.usage("unknown format '\(name)' (use html, csv, md, json)")
            }
            formats.insert(format)
        }
        guard !formats.isEmpty else { throw TallyError.usage("give at least one of html, csv, md, json") }
        return formats
    }

    /// `90m`, `6h`, `2d`, `45s` as microseconds.
    package static func duration(_ text: String) throws -> Int64 {
        let units: [Character: Int64] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
        guard let unit = text.last, let seconds = units[unit], let n = Int64(text.dropLast()), n >= 0,
            n <= Int64.max / 1_000_000 / seconds
        else {
            throw TallyError.usage("'\(text)' is not a duration (e.g. 90m, 6h, 2d)")
        }
        return n * seconds * 1_000_000
    }

    /// A thread count: at least 1.
    package static func jobs(_ value: Int) throws -> Int {
        guard value >= 1 else { throw TallyError.usage("must be at least 1, not \(value)") }
        return value
    }

    /// Runs a parser for the value of `option`, naming it in a usage error (`--jobs: must be…`).
    package static func named<T>(_ option: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch TallyError.usage(let message) { throw TallyError.usage("\(option): \(message)") }
    }
}

/// How the user named a report period: `--period P`, or `--from`/`--to` dates.
package enum PeriodSpec: Sendable, Equatable {
    /// `YYYY-MM`.
    case month(year: Int, month: Int)
    /// `YYYY-MM-DD`.
    case day(CivilDate)
    /// `YYYY-Www` (ISO week, Monday first).
    case isoWeek(year: Int, week: Int)
    case yesterday, lastMonth, thisMonth, last7Days
    /// `--from A --to B`: `[A, B)`, local midnights.
    case range(from: CivilDate, to: CivilDate)

    /// The spellings `--period` accepts, for help and completion.
    package static let keywords = ["yesterday", "last-month", "this-month", "last-7-days"]

    /// Parses a `--period` value.
    ///
    /// - Throws: `TallyError.usage` naming the value and the accepted forms.
    package static func parse(_ text: String) throws -> PeriodSpec {
        switch text {
        case "yesterday": return .yesterday
        case "last-month": return .lastMonth
        case "this-month": return .thisMonth
        case "last-7-days": return .last7Days
        default: break
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 2, parts[0].count == 4, let y = Int(parts[0]) {
            if parts[1].count == 2, let m = Int(parts[1]), (1...12).contains(m) { return .month(year: y, month: m) }
            if parts[1].count == 3, parts[1].first == "W", let w = Int(parts[1].dropFirst()),
               (1...isoWeeksInYear(y)).contains(w) {
                return .isoWeek(year: y, week: w)
            }
        }
        if let date = parseDate(text) { return .day(date) }
        throw TallyError.usage(
            "cannot read period '\(text)': use YYYY-MM, YYYY-MM-DD, YYYY-Www, yesterday, last-month, this-month or last-7-days")
    }

    /// Parses a `YYYY-MM-DD` date; `nil` when it is not a real date.
    package static func parseDate(_ text: String) -> CivilDate? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        let date = CivilDate(year: y, month: m, day: d)
        return date.isValid ? date : nil
    }

    /// Monday of ISO week 1 of `year`.
    static func isoWeekOneMonday(_ year: Int) -> CivilDate {
        let jan4 = CivilDate(year: year, month: 1, day: 4)
        return jan4.adding(days: 1 - jan4.isoWeekday)
    }

    /// 52 or 53.
    static func isoWeeksInYear(_ year: Int) -> Int {
        let days = isoWeekOneMonday(year + 1).daysSinceEpoch - isoWeekOneMonday(year).daysSinceEpoch
        return Int(days / 7)
    }
}

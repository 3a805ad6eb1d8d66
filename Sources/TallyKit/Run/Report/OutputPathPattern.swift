/// Expands strftime-style patterns in `--out` (`reports/%Y-%m`) at "now" in the report zone.
package enum OutputPathPattern {
    /// `pattern` with `%Y %m %d %H %M %S %G %V %%` replaced by the local time of `asOf`.
    ///
    /// - Throws: `TallyError.usage` for an unknown `%` directive.
    package static func expand(_ pattern: String, asOf: Instant, clock: ZoneClock) throws -> String {
        guard pattern.contains("%") else { return pattern }
        let local = clock.localSeconds(asOf)
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let date = CivilDate(daysSinceEpoch: days)
        let secondOfDay = Int(local - days * 86_400)
        let (isoYear, isoWeek) = isoWeek(of: date)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : String(v) }
        var out = ""
        var iterator = pattern.makeIterator()
        while let c = iterator.next() {
            guard c == "%" else { out.append(c); continue }
            switch iterator.next() {
            case "Y": out += CivilDate.pad(date.year, 4)
            case "m": out += two(date.month)
            case "d": out += two(date.day)
            case "H": out += two(secondOfDay / 3600)
            case "M": out += two(secondOfDay / 60 % 60)
            case "S": out += two(secondOfDay % 60)
            case "G": out += CivilDate.pad(isoYear, 4)
            case "V": out += two(isoWeek)
            case "%": out += "%"
            case let other:
                throw TallyError.usage("--out '\(pattern)': unknown directive %\(other.map(String.init) ?? "") (use %Y %m %d %H %M %S %G %V %%)")
            }
        }
        return out
    }

    /// ISO 8601 week-numbering year and week of a date.
    static func isoWeek(of date: CivilDate) -> (year: Int, week: Int) {
        var year = date.year
        if date < PeriodSpec.isoWeekOneMonday(year) { year -= 1 }
        if date >= PeriodSpec.isoWeekOneMonday(year + 1) { year += 1 }
        let days = date.daysSinceEpoch - PeriodSpec.isoWeekOneMonday(year).daysSinceEpoch
        return (year, Int(days / 7) + 1)
    }
}

/// Turns a `PeriodSpec` into instants in a zone, relative to a fixed "now".
package enum PeriodResolver {
    /// The local dates `[first, end)` of the period and its previous period, and a label.
    struct LocalRange {
        var first: CivilDate
        var end: CivilDate
        var previousFirst: CivilDate
        var label: String
    }

    /// Resolves `spec` in `calendar`'s zone with `asOf` as now.
    ///
    /// Periods are half-open `[from, to)` between local midnights; DST days are 23
    /// or 25 hours long. The previous period is the previous month, week or day
    /// for those units, else the same number of days just before.
    ///
    /// - Throws: `TallyError.usage` when `--from` is not before `--to`.
    package static func resolve(
        _ spec: PeriodSpec, calendar: ZonedCalendar, asOf: Instant, stuckAfterMicros: Int64, zoneName: String? = nil
    ) throws -> ReportPeriod {
        let today = calendar.date(of: asOf)
        let range = try localRange(spec, today: today)
        return ReportPeriod(
            from: calendar.startOfDay(range.first), to: calendar.startOfDay(range.end), label: range.label,
            zoneID: zoneName ?? calendar.zone.identifier, asOf: asOf,
            previousFrom: calendar.startOfDay(range.previousFirst), previousTo: calendar.startOfDay(range.first),
            stuckAfterMicros: stuckAfterMicros)
    }

    static func localRange(_ spec: PeriodSpec, today: CivilDate) throws -> LocalRange {
        switch spec {
        case .month(let y, let m):
            return month(CivilDate(year: y, month: m, day: 1))
        case .thisMonth:
            return month(today.firstOfMonth(addingMonths: 0))
        case .lastMonth:
            return month(today.firstOfMonth(addingMonths: -1))
        case .day(let d):
            return days(d, count: 1, label: d.description)
        case .yesterday:
            let d = today.adding(days: -1)
            return days(d, count: 1, label: d.description)
        case .last7Days:
            let first = today.adding(days: -7)
            return days(first, count: 7, label: "\(first) – \(today.adding(days: -1))")
        case .isoWeek(let y, let w):
            let monday = PeriodSpec.isoWeekOneMonday(y).adding(days: (w - 1) * 7)
            return days(monday, count: 7, label: "\(y)-W\(w < 10 ? "0" : "")\(w)")
        case .range(let from, let to):
            guard from < to else {
                throw TallyError.usage("--from \(from) must be before --to \(to) (the period is [from, to), --to excluded)")
            }
            let count = Int(to.daysSinceEpoch - from.daysSinceEpoch)
            return days(from, count: count, label: "\(from) – \(to.adding(days: -1))")
        }
    }

    private static func month(_ first: CivilDate) -> LocalRange {
        let label = "\(first.year)-\(first.month < 10 ? "0" : "")\(first.month)"
        return LocalRange(
            first: first, end: first.firstOfMonth(addingMonths: 1),
            previousFirst: first.firstOfMonth(addingMonths: -1), label: label)
    }

    private static func days(_ first: CivilDate, count: Int, label: String) -> LocalRange {
        LocalRange(first: first, end: first.adding(days: count), previousFirst: first.adding(days: -count), label: label)
    }
}

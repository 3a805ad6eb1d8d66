/// How long a billing period is (`billing_period` in the plan).
package enum BillingCycle: String, Sendable, CaseIterable {
    /// Calendar months: `2026-11`.
    case month
    /// ISO weeks, Monday to Sunday: `2026-W48`.
    case week
    /// Calendar quarters: `2026-Q4`.
    case quarter
}

/// Whether an invoice can still change: `draft` until its period (and the grace period) has ended.
package enum InvoiceStatus: String, Sendable, CaseIterable {
    /// The period is still open at `--as-of`: usage so far, never numbered, never recorded.
    case draft
    /// The period and its grace period have ended: the invoice is issued.
    case final
}

/// One billing period of a report: `[start, end)` in the plan's zone, its label, and
/// its status at `--as-of`.
package struct BillingPeriod: Sendable, Equatable, Hashable {
    /// First instant of the period.
    package var start: Instant
    /// First instant after the period.
    package var end: Instant
    /// `2026-11`, `2026-W48`, `2026-Q4`.
    package var label: String
    /// The first and last local days of the period.
    package var firstDay: CivilDate
    package var lastDay: CivilDate
    /// Draft or final at `--as-of`.
    package var status: InvoiceStatus
    /// When the invoices turn final: the end plus the grace period.
    package var closesAt: Instant
    /// The usage billed is that of jobs completed before this instant: the end, or `--as-of` for a draft.
    package var usageUpTo: Instant

    /// The window of usage this period bills.
    package var window: BillingWindow { BillingWindow(start: start, end: usageUpTo) }
}

/// The billing periods of a plan: its cycle in its zone, and the grace period after each.
package struct BillingCalendar: Sendable {
    /// The cycle.
    package let cycle: BillingCycle
    /// Midnights in the plan's zone (UTC when the plan names none).
    package let calendar: ZonedCalendar
    /// How long a period stays draft after its end, microseconds.
    package let graceMicros: Int64

    /// The plan's calendar.
    ///
    /// - Throws: `TallyError.usage` for an unknown zone (a validated plan has none).
    package init(plan: Plan) throws {
        cycle = plan.billingCycle
        calendar = ZonedCalendar(zone: try ZonedCalendar.zone(named: plan.timeZone ?? "UTC"))
        graceMicros = plan.graceMicros
    }

    /// Makes a calendar from its parts.
    package init(cycle: BillingCycle, calendar: ZonedCalendar, graceMicros: Int64) {
        self.cycle = cycle
        self.calendar = calendar
        self.graceMicros = graceMicros
    }

    /// Every billing period overlapping `[from, to)` that has begun by `asOf`, in order,
    /// each with its status at `asOf`.
    package func periods(overlapping from: Instant, _ to: Instant, asOf: Instant) -> [BillingPeriod] {
        var periods: [BillingPeriod] = []
        var first = periodStart(containing: calendar.date(of: from))
        while true {
            let next = following(first)
            let start = calendar.startOfDay(first), end = calendar.startOfDay(next)
            guard start < to, start < asOf else { break }
            let closes = end.adding(microseconds: graceMicros)
            let final = closes <= asOf
            periods.append(
                BillingPeriod(
                    start: start, end: end, label: label(first), firstDay: first, lastDay: next.adding(days: -1),
                    status: final ? .final : .draft, closesAt: closes, usageUpTo: final ? end : min(end, asOf)))
            first = next
        }
        return periods
    }

    /// The first day of the period holding `date`.
    func periodStart(containing date: CivilDate) -> CivilDate {
        switch cycle {
        case .month: return date.firstOfMonth(addingMonths: 0)
        case .quarter: return CivilDate(year: date.year, month: (date.month - 1) / 3 * 3 + 1, day: 1)
        case .week: return date.adding(days: 1 - date.isoWeekday)
        }
    }

    /// The first day of the period after the one starting on `first`.
    func following(_ first: CivilDate) -> CivilDate {
        switch cycle {
        case .month: return first.firstOfMonth(addingMonths: 1)
        case .quarter: return first.firstOfMonth(addingMonths: 3)
        case .week: return first.adding(days: 7)
        }
    }

    /// `2026-11`, `2026-Q4`, or the ISO week `2026-W48` (of the ISO week-year).
    func label(_ first: CivilDate) -> String {
        switch cycle {
        case .month: return "\(CivilDate.pad(first.year, 4))-\(CivilDate.pad(first.month, 2))"
        case .quarter: return "\(CivilDate.pad(first.year, 4))-Q\((first.month - 1) / 3 + 1)"
        case .week:
            let thursday = first.adding(days: 3)
            let week = (thursday.daysSinceEpoch - CivilDate(year: thursday.year, month: 1, day: 1).daysSinceEpoch) / 7 + 1
            return "\(CivilDate.pad(thursday.year, 4))-W\(CivilDate.pad(Int(week), 2))"
        }
    }
}

import Foundation

/// Midnights and hour starts in a time zone, where DST days have 23 or 25 hours.
package struct ZonedCalendar: Sendable {
    /// The zone.
    package let zone: TimeZone
    private let calendar: Calendar

    /// A Gregorian calendar in `zone`.
    package init(zone: TimeZone) {
        self.zone = zone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        calendar.locale = Locale(identifier: "en_US_POSIX")
        self.calendar = calendar
    }

    /// A zone from its IANA id.
    ///
    /// - Throws: `TallyError.usage` for an unknown zone.
    package static func zone(named id: String) throws -> TimeZone {
        guard let zone = TimeZone(identifier: id), TimeZone.knownTimeZoneIdentifiers.contains(id) || id == "UTC" || id == "GMT" else {
            throw TallyError.usage("unknown time zone '\(id)': use an IANA name such as UTC, Europe/Berlin or America/New_York")
        }
        return zone
    }

    /// The first instant of a local date (midnight, or the first instant after a DST gap).
    package func startOfDay(_ date: CivilDate) -> Instant {
        let components = DateComponents(year: date.year, month: date.month, day: date.day)
        let day = calendar.date(from: components) ?? Date(timeIntervalSince1970: 0)
        let start = calendar.startOfDay(for: day)
        return Instant(microseconds: Int64((start.timeIntervalSince1970 * 1_000_000).rounded()))
    }

    /// The local date of an instant.
    package func date(of instant: Instant) -> CivilDate {
        let parts = calendar.dateComponents(
            [.year, .month, .day], from: Date(timeIntervalSince1970: TimeInterval(instant.seconds)))
        return CivilDate(year: parts.year!, month: parts.month!, day: parts.day!)
    }
}

import Foundation

/// Local dates and hours of instants in one time zone, without `Calendar` per record.
///
/// At construction it finds every UTC-offset change of the zone in a range (the
/// zone's transitions, those that change the offset), so a range of any length
/// costs one look-up per transition (two a year in DST zones); afterwards each
/// lookup is a binary search over those segments. Instants outside the range use
/// the nearest segment's offset (still a real offset of the zone).
package struct ZoneClock: Sendable {
    /// The zone.
    package let zone: TimeZone
    /// Segment starts (seconds since epoch) and their offsets from UTC (seconds).
    private var starts: [Int64] = []
    private var offsets: [Int64] = []

    /// A clock for `zone`, exact in `[from, to)` (padded by a day each side).
    package init(zone: TimeZone, from: Instant, to: Instant) {
        self.zone = zone
        let first = from.seconds - 86_400
        let last = max(to.seconds, from.seconds) + 86_400
        func offset(_ s: Int64) -> Int64 { Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(s)))) }
        starts = [Int64.min]
        offsets = [offset(first)]
        var date = Date(timeIntervalSince1970: TimeInterval(first))
        while let next = zone.nextDaylightSavingTimeTransition(after: date), next > date {
            let second = Int64(next.timeIntervalSince1970.rounded(.up))
            guard second < last else { break }
            // A transition may change only the DST flag, not the offset: no segment then.
            let new = offset(second)
            if new != offsets[offsets.count - 1] {
                starts.append(second)
                offsets.append(new)
            }
            date = next
        }
    }

    /// The zone's offset from UTC at `instant`, seconds.
    package func offsetSeconds(at instant: Instant) -> Int64 {
        let s = instant.seconds
        var lo = 0, hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= s { lo = mid } else { hi = mid - 1 }
        }
        return offsets[lo]
    }

    /// Seconds since the epoch of the local wall-clock time at `instant`.
    package func localSeconds(_ instant: Instant) -> Int64 {
        instant.seconds + offsetSeconds(at: instant)
    }

    /// The local calendar date of `instant`.
    package func localDate(_ instant: Instant) -> CivilDate {
        let local = localSeconds(instant)
        return CivilDate(daysSinceEpoch: local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
    }

    /// The local hour of day (0...23) of `instant`.
    package func localHour(_ instant: Instant) -> Int {
        let local = localSeconds(instant)
        return Int(((local % 86_400) + 86_400) % 86_400 / 3600)
    }
}

/// The stretch of time whose usage one billing period bills: `[start, end)`.
///
/// For a closed period `end` is the period's end; for a draft it is `--as-of`
/// when that comes first (usage up to now). Windows of one report are sorted and
/// never overlap.
package struct BillingWindow: Sendable, Equatable {
    /// First instant billed.
    package var start: Instant
    /// First instant not billed.
    package var end: Instant

    /// Makes a window `[start, end)`.
    package init(start: Instant, end: Instant) {
        self.start = start
        self.end = end
    }

    /// Whether `instant` falls in the window.
    package func contains(_ instant: Instant) -> Bool { instant >= start && instant < end }

    /// The index of the window in `windows` (sorted, disjoint) holding `instant`, if any.
    package static func index(of instant: Instant, in windows: [BillingWindow]) -> Int? {
        var lo = 0, hi = windows.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            if instant < windows[mid].start {
                hi = mid - 1
            } else if instant >= windows[mid].end {
                lo = mid + 1
            } else {
                return mid
            }
        }
        return nil
    }
}

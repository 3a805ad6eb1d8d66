/// A point in time: microseconds since 1970-01-01T00:00:00Z.
///
/// The upstream service stores microseconds; `Instant` keeps exactly that and
/// nothing finer, so comparisons and sorting never go through `Date` or strings.
public struct Instant: Hashable, Comparable, Sendable {
    /// Microseconds since the Unix epoch (negative before it).
    public var microseconds: Int64

    /// Makes an instant from microseconds since the Unix epoch.
    public init(microseconds: Int64) {
        self.microseconds = microseconds
    }

    /// Makes an instant from whole seconds since the Unix epoch.
    public init(seconds: Int64) {
        self.microseconds = seconds * 1_000_000
    }

    /// Whole seconds since the epoch, rounded towards negative infinity.
    public var seconds: Int64 {
        microseconds >= 0 ? microseconds / 1_000_000 : (microseconds - 999_999) / 1_000_000
    }

    public static func < (lhs: Instant, rhs: Instant) -> Bool {
        lhs.microseconds < rhs.microseconds
    }

    /// The instant `delta` microseconds later (earlier when negative).
    public func adding(microseconds delta: Int64) -> Instant {
        Instant(microseconds: microseconds + delta)
    }
}

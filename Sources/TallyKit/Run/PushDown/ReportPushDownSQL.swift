/// The SQL a report's push-down shares: the period, the user filter, and the time
/// segments its GROUP BYs bucket instants into.
///
/// A segment is a stretch of the period in which the time-series bucket, the
/// local day and the local hour do not change, so counting per segment in the
/// database and then per bucket, day and hour in Swift (`ReportScope`'s own
/// functions on the segment's start) gives exactly what counting each instant does.
struct ReportPushDownSQL {
    let scope: ReportScope
    /// The segments' starts, the first the period's start.
    let segments: [Instant]

    /// The segments of `scope`'s period.
    ///
    /// - Throws: `TallyError.internalInconsistency` when a segment would hold two
    ///   buckets, days or hours (a zone offset not a multiple of 15 minutes).
    init(scope: ReportScope) throws {
        self.scope = scope
        let period = scope.period
        let quarter: Int64 = 900_000_000
        var starts = Set(scope.bucketStarts + scope.dayStarts + [period.from])
        var t = Instant(microseconds: period.from.microseconds - (period.from.microseconds % quarter + quarter) % quarter)
        var hour = scope.clock.localHour(t)
        while t < period.to {
            let next = scope.clock.localHour(t)
            if next != hour, t > period.from { starts.insert(t) }
            hour = next
            t = t.adding(microseconds: quarter)
        }
        segments = starts.filter { $0 >= period.from && $0 < period.to }.sorted()
        for (i, start) in segments.enumerated() {
            let end = (i + 1 < segments.count ? segments[i + 1] : period.to).adding(microseconds: -1)
            guard place(start) == place(end) else {
                throw TallyError.internalInconsistency("push-down: the period's local hours are not 15-minute aligned near \(start.isoString)")
            }
        }
    }

    /// Bucket, local day and local hour of an instant of the period.
    func place(_ instant: Instant) -> (bucket: Int, day: Int, hour: Int) {
        (scope.bucketIndex(instant), scope.dayIndex(instant), scope.clock.localHour(instant))
    }

    /// Bucket, local day and local hour of segment `index` as `segment(_:)` numbers it (1-based).
    func place(segment index: Int64) -> (bucket: Int, day: Int, hour: Int) {
        place(segments[Int(max(1, min(Int64(segments.count), index))) - 1])
    }

    /// The 1-based segment of `instant` (an instant of the period).
    func segment(_ instant: String) -> String { Self.bucket(instant, starts: segments) }

    /// The 1-based trend period of `instant` (an instant between the first and the last of `scope.trendBounds`).
    func trendPeriod(_ instant: String) -> String { Self.bucket(instant, starts: scope.trendBounds) }

    /// Whether `instant` is in one of the trend periods (`ReportScope.trendIndex` is not `nil`).
    func inTrend(_ instant: String) -> String {
        guard let first = scope.trendBounds.first, let end = scope.trendBounds.last else { return "false" }
        return "(\(instant) >= \(Self.literal(first)) AND \(instant) < \(Self.literal(end)))"
    }

    /// Whether `owner` is one of `users` (`nil`: the anonymous customer), as a plain `= ANY` Citus routes.
    static func among(_ owner: String, _ users: Set<String?>) -> String {
        let ids = users.compactMap { $0 }.filter { SafeFileName.isUUID($0) }.sorted()
        var parts: [String] = []
        if !ids.isEmpty { parts.append("\(owner) = ANY('{\(ids.joined(separator: ","))}'::uuid[])") }
        if users.contains(nil) { parts.append("\(owner) IS NULL") }
        return parts.isEmpty ? "false" : "(" + parts.joined(separator: " OR ") + ")"
    }

    /// The 1-based index of the start at or before `instant` among `starts`, by `width_bucket` over
    /// them as epoch microseconds: an `int8[]` constant, binary-searched in place for every row.
    static func bucket(_ instant: String, starts: [Instant]) -> String {
        let list = starts.map { String($0.microseconds) }.joined(separator: ",")
        return "width_bucket((EXTRACT(EPOCH FROM \(instant)) * 1000000)::int8, '{\(list)}'::int8[])"
    }

    /// Whether `instant` is in the period.
    func inPeriod(_ instant: String) -> String {
        "(\(instant) >= \(Self.literal(scope.period.from)) AND \(instant) < \(Self.literal(scope.period.to)))"
    }

    /// Whether `instant` is in the previous period.
    func inPreviousPeriod(_ instant: String) -> String {
        "(\(instant) >= \(Self.literal(scope.period.previousFrom)) AND \(instant) < \(Self.literal(scope.period.previousTo)))"
    }

    /// Whether the report counts `owner` (`ReportScope.includes`).
    func includes(_ owner: String) -> String {
        guard let users = scope.users else { return "true" }
        let ids = users.filter { SafeFileName.isUUID($0) }.sorted()
        guard !ids.isEmpty else { return "false" }
        return "\(owner) IN (" + ids.map { PostgresConnection.literal($0) + "::uuid" }.joined(separator: ",") + ")"
    }

    /// "as of" as SQL.
    var asOf: String { Self.literal(scope.period.asOf) }

    /// An instant as a `timestamptz` literal, to the microsecond.
    static func literal(_ instant: Instant) -> String { "'\(instant.isoString)'::timestamptz" }

    /// Microseconds from `start` to `end` (two timestamptz expressions), exact (PostgreSQL 14 and later).
    static func micros(from start: String, to end: String) -> String {
        "((EXTRACT(EPOCH FROM \(end)) - EXTRACT(EPOCH FROM \(start))) * 1000000)::int8"
    }

    /// A sum clamped to 64 bits (0 for none).
    static func sum(_ expression: String) -> String {
        "LEAST(GREATEST(COALESCE(SUM(\(expression)), 0)::numeric, -9223372036854775808), 9223372036854775807)::int8"
    }

    /// `QuantileSketch`'s bucket of a positive value `v` (µs), -1 for zero or less: `⌈ln v / ln γ⌉`, γ = 1.01/0.99.
    static func sketchBucket(_ value: String) -> String {
        "CASE WHEN \(value) > 0 THEN LEAST(1699, ceil(ln((\(value))::float8) / ln(1.01::float8 / 0.99::float8)))::int8 ELSE -1 END"
    }
}

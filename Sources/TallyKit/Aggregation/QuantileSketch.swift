import Foundation

/// A mergeable quantile sketch with 1% relative error (DDSketch, Masson et al., VLDB 2019).
///
/// Values (microseconds, positive) fall into logarithmic buckets of ratio
/// γ = 1.01/0.99; any quantile is reported within 1% of a value of that rank.
/// Memory is a fixed array of buckets, independent of the number of values;
/// merging adds bucket counts, so shards merge exactly. Count, sum and max are exact.
package struct QuantileSketch: Sendable, Equatable {
    /// The method line reports print.
    package static let method = "DDSketch, relative error ≤ 1% (count and max exact)"
    static let gamma = 1.01 / 0.99
    static let logGamma = log(gamma)
    static let bucketCount = 1700  // γ^1700 ≈ 6e14 µs ≈ 19 years

    private var buckets: [Int64] = []
    /// Values that were zero (or negative, which callers count as data errors first).
    private var zeros: Int64 = 0
    package private(set) var count: Int64 = 0
    package private(set) var max: Int64 = 0

    /// An empty sketch.
    package init() {}

    /// A sketch of values counted elsewhere (a database, `--push-down`): `count` values in
    /// bucket `index` of `bucketIndex(_:)`, or zero or negative when `index` is `nil`; the largest is `max`.
    package init(bucket index: Int?, count: Int64, max: Int64) {
        guard count > 0 else { return }
        self.count = count
        self.max = max
        guard let index else {
            zeros = count
            return
        }
        buckets = Array(repeating: 0, count: Self.bucketCount)
        buckets[Swift.max(0, Swift.min(Self.bucketCount - 1, index))] = count
    }

    /// Adds one value in microseconds.
    package mutating func add(_ value: Int64) {
        count += 1
        if value > max || count == 1 { max = value }
        guard value > 0 else {
            zeros += 1
            return
        }
        if buckets.isEmpty { buckets = Array(repeating: 0, count: Self.bucketCount) }
        let index = Swift.min(Self.bucketCount - 1, Int((log(Double(value)) / Self.logGamma).rounded(.up)))
        buckets[index] += 1
    }

    /// Adds every value of another sketch.
    package mutating func merge(_ other: QuantileSketch) {
        guard other.count > 0 else { return }
        if count == 0 || other.max > max { max = other.max }
        count += other.count
        zeros += other.zeros
        if !other.buckets.isEmpty {
            if buckets.isEmpty { buckets = other.buckets } else {
                for i in 0..<Self.bucketCount { buckets[i] += other.buckets[i] }
            }
        }
    }

    /// The value at quantile `q` (0...1) by nearest rank, `nil` when empty; never above `max`.
    package func quantile(_ q: Double) -> Int64? {
        guard count > 0 else { return nil }
        let rank = Swift.max(1, Int64((q * Double(count)).rounded(.up)))
        if rank <= zeros { return 0 }
        var seen = zeros
        for (i, n) in buckets.enumerated() where n > 0 {
            seen += n
            if seen >= rank {
                let estimate = 2 * pow(Self.gamma, Double(i)) / (Self.gamma + 1)
                return Swift.min(max, Int64(estimate.rounded()))
            }
        }
        return max
    }

    /// p50, p90, p99 and max as the report model wants them.
    package var stats: DurationStats {
        DurationStats(
            count: count, p50Micros: quantile(0.5), p90Micros: quantile(0.9), p99Micros: quantile(0.99),
            maxMicros: count > 0 ? max : nil)
    }
}

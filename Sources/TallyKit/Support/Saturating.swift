/// Adds without trapping: counters from bad rows can be huge, sums saturate at the Int64 limits.
///
/// `RecordBounds` keeps every row's counters inside 32 bits, so a sum of counters
/// saturates only past 2^32 rows; document metrics (bytes, tokens, times) can, and the
/// report says so (`DataQuality.cappedTotals`).
@inline(__always)
func saturatingAdd(_ a: Int64, _ b: Int64) -> Int64 {
    let (sum, overflow) = a.addingReportingOverflow(b)
    return overflow ? (b > 0 ? .max : .min) : sum
}

/// Subtracts without trapping, saturating at the Int64 limits (durations between far-apart instants).
@inline(__always)
func saturatingSubtract(_ a: Int64, _ b: Int64) -> Int64 {
    let (difference, overflow) = a.subtractingReportingOverflow(b)
    return overflow ? (b < 0 ? .max : .min) : difference
}

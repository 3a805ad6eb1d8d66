/// How many jobs have how many documents, by decade, exactly and in fixed memory.
///
/// A job's size is the largest of `total_documents` and `processed_count +
/// failed_count`; entry `d` counts the jobs whose size has `d` decimal digits (entry 0:
/// size 0 or less). From it the report finds the history's 99th percentile and the
/// jobs far above it (`implausibleDigits`), whatever order the jobs came in.
struct JobSizes: Sendable, Equatable {
    /// Jobs per number of digits of their size, 0...19.
    private(set) var byDigits = [Int64](repeating: 0, count: 20)

    /// The size of a job.
    @inline(__always)
    static func size(_ job: JobRecord) -> Int64 {
        max(job.totalDocuments, saturatingAdd(job.processedCount, job.failedCount))
    }

    /// Decimal digits of a size (0 for sizes of 0 or less).
    @inline(__always)
    static func digits(_ size: Int64) -> Int {
        var n = 0, rest = size
        while rest > 0 {
            n += 1
            rest /= 10
        }
        return n
    }

    mutating func add(_ job: JobRecord) {
        byDigits[Self.digits(Self.size(job))] += 1
    }

    mutating func merge(_ o: JobSizes) {
        for i in byDigits.indices { byDigits[i] += o.byDigits[i] }
    }

    /// Jobs whose size has at least `digits` digits.
    func count(atLeast digits: Int) -> Int64 {
        byDigits[min(digits, byDigits.count)...].reduce(0, +)
    }

    /// The digits from which a job's size is implausible: 1,000 times the power of ten
    /// above the 99th percentile, at least 100,000 documents, and never more than a
    /// billion (no real job has that many).
    ///
    /// With a 99th percentile of 37 documents the bound is 100,000 (6 digits); with 5,000 it is 10,000,000.
    var implausibleDigits: Int {
        let jobs = byDigits.reduce(0, +)
        var seen: Int64 = 0
        var p99 = 0
        for (digits, n) in byDigits.enumerated() {
            seen += n
            p99 = digits
            if seen * 100 >= jobs * 99 { break }
        }
        return min(10, max(6, p99 + 4))
    }

    /// The smallest implausible size (10^(digits - 1)).
    static func threshold(digits: Int) -> Int64 {
        var t: Int64 = 1
        for _ in 1..<digits { t *= 10 }
        return t
    }
}

extension JobSizes {
    /// `count` jobs whose size has `digits` digits, counted elsewhere (a database, `--push-down`).
    init(digits: Int, count: Int64) {
        byDigits[max(0, min(byDigits.count - 1, digits))] = count
    }
}

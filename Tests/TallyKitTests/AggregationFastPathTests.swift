import Foundation
import Testing
@testable import TallyKit

/// The per-record shortcuts of the scan give what the plain computations give.
@Suite struct AggregationFastPathTests {
    static let berlin = ZonedCalendar(zone: TimeZone(identifier: "Europe/Berlin")!)

    @Test(arguments: [
        PeriodSpec.range(from: CivilDate(year: 2026, month: 1, day: 1), to: CivilDate(year: 2026, month: 12, day: 31)),
        .range(from: CivilDate(year: 2026, month: 3, day: 28), to: CivilDate(year: 2026, month: 3, day: 30)),
    ])
    func bucketArithmeticMatchesBinarySearchAcrossDaylightSaving(_ spec: PeriodSpec) throws {
        let period = try PeriodResolver.resolve(
            spec, calendar: Self.berlin, asOf: Instant(seconds: 1_800_000_000), stuckAfterMicros: 0)
        let scope = ReportScope(period: period, calendar: Self.berlin, users: nil)
        var random = SampleRandom(seed: 7)
        let span = period.to.microseconds - period.from.microseconds
        var instants = scope.dayStarts + scope.bucketStarts
        instants += scope.dayStarts.map { $0.adding(microseconds: -1) }
        for _ in 0..<5_000 { instants.append(period.from.adding(microseconds: Int64(random.next() % UInt64(span)))) }
        for instant in instants where scope.inPeriod(instant) {
            #expect(scope.dayIndex(instant) == ReportScope.index(of: instant, in: scope.dayStarts))
            #expect(scope.bucketIndex(instant) == ReportScope.index(of: instant, in: scope.bucketStarts))
        }
    }

    @Test func timestampBytesMatchTheGeneralPathAtTheEdgesOfFourDigitYears() {
        // 0000-01-01, 9999-12-31T23:59:59.999999Z, and one microsecond either side.
        let edges: [Int64] = [-62_167_219_200_000_000, 253_402_300_799_999_999]
        let expected = [
            "-0001-12-31T23:59:59.999999Z", "0000-01-01T00:00:00Z", "0000-01-01T00:00:00.000001Z",
            "9999-12-31T23:59:59.999998Z", "9999-12-31T23:59:59.999999Z", "10000-01-01T00:00:00Z",
        ]
        let got = edges.flatMap { e in [e - 1, e, e + 1].map { Instant(microseconds: $0).apiString } }
        #expect(got == expected)
        #expect(Instant(microseconds: 450).apiString == "1970-01-01T00:00:00.000450Z")
    }

    @Test func recentKeyDictionaryKeepsEveryKeyApartWhileKeysInterleave() {
        var dictionary = RecentKeyDictionary<String?, Int>()
        var plain: [String?: Int] = [:]
        var random = SampleRandom(seed: 11)
        let keys: [String?] = ["a", "b", nil, "c", String(repeating: "u", count: 36)]
        for _ in 0..<2_000 {
            let key = random.pick(keys)
            let n = random.int(1...9)
            if random.chance(perMille: 300) {
                dictionary.touch(key, default: 0)
                plain[key, default: 0] += 0
            } else {
                dictionary.update(key, default: 0) { $0 += n }
                plain[key, default: 0] += n
            }
        }
        #expect(dictionary.storage == plain)
    }

    @Test func fewKeyDictionaryFindsKeysPastTheLinearScan() {
        var few = Self.optionalKeys()
        var plain: [String?: Int] = [:]
        var random = SampleRandom(seed: 13)
        let keys: [String?] = (0..<20).map { "k\($0)" } + [nil]
        for _ in 0..<3_000 {
            let key = random.pick(keys)
            few.update(key, default: 0) { $0 += 1 }
            plain[key, default: 0] += 1
        }
        var merged = Self.optionalKeys()
        merged.update("k19", default: 0) { $0 += 5 }
        merged.merge(few, default: 0)
        plain["k19", default: 0] += 5
        #expect(few.keys.count == keys.count)
        #expect(merged.dictionary == plain)
        #expect(keys.allSatisfy { merged[$0] == plain[$0] })
    }

    static func optionalKeys(limit: Int = 100) -> FewKeyDictionary<String?, Int> {
        FewKeyDictionary(
            limit: limit, otherKey: "(other)", precedes: { a, b in b != nil && (a == nil || a! < b!) }, fold: { $0 += $1 })
    }
}

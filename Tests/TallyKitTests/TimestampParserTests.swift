import Testing
@testable import TallyKit

@Suite struct TimestampParserTests {
    static let spellings: [(String, String)] = [
        ("2026-11-14T16:11:30Z", "2026-11-14T16:11:30Z"),
        ("2026-11-14T16:11:30.030529Z", "2026-11-14T16:11:30.030529Z"),
        ("2026-11-14 16:11:30.030529+00", "2026-11-14T16:11:30.030529Z"),
        ("2026-11-14T16:11:30.030529+00:00", "2026-11-14T16:11:30.030529Z"),
        ("2026-11-14T21:41:30+05:30", "2026-11-14T16:11:30Z"),
        ("2026-11-14 09:11:30-07:00", "2026-11-14T16:11:30Z"),
        ("2026-11-14T16:11:30.030Z", "2026-11-14T16:11:30.030000Z"),
        ("2026-11-14 16:11:30.030529", "2026-11-14T16:11:30.030529Z"),
        ("2026-11-14T16:11:30.123456789Z", "2026-11-14T16:11:30.123456Z"),
        ("2026-11-14T16:11:30.000000Z", "2026-11-14T16:11:30Z"),
        ("2026-11-14T21:41:30+0530", "2026-11-14T16:11:30Z"),
        ("1970-01-01T00:00:00Z", "1970-01-01T00:00:00Z"),
        ("1969-12-31T23:59:59.5Z", "1969-12-31T23:59:59.500000Z"),
        ("9999-12-31T23:59:59Z", "9999-12-31T23:59:59Z"),
        ("2024-02-29T12:00:00Z", "2024-02-29T12:00:00Z"),
    ]

    @Test(arguments: spellings)
    func parsesEverySpellingToTheSameInstant(input: String, expected: String) throws {
        let instant = try #require(TimestampParser.parse(input))
        #expect(instant.apiString == expected)
    }

    @Test(arguments: [
        "", "2026-11-14", "2026-11-14T16:11", "2026-13-01T00:00:00Z", "2023-02-29T00:00:00Z",
        "2026-11-14T24:00:00Z", "2026-11-14T16:11:30.Z", "2026-11-14T16:11:30.1234567890Z",
        "2026-11-14T16:11:30+5", "2026-11-14T16:11:30 ", "yesterday", "2026/11/14 16:11:30",
        "2026-11-14T16:11:30Zjunk",
    ])
    func rejectsWhatIsNotATimestamp(input: String) {
        #expect(TimestampParser.parse(input) == nil)
    }

    /// The fixed part is checked without a branch per digit: a non-digit in any digit position still fails.
    @Test func rejectsANonDigitInEveryFixedPosition() {
        let valid = Array("2026-11-14T16:11:30Z".utf8)
        for position in [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18] {
            for bad in [UInt8(ascii: "/"), UInt8(ascii: ":"), UInt8(ascii: "a"), 0x00, 0xFF] {
                var text = valid
                text[position] = bad
                #expect(TimestampParser.parse(String(decoding: text, as: UTF8.self)) == nil, "\(position) \(bad)")
            }
        }
        #expect(TimestampParser.parse(String(decoding: valid, as: UTF8.self)) != nil)
    }

    @Test func unixSecondsBecomeInstants() throws {
        let instant = try #require(TimestampParser.instant(unixSeconds: 1_763_136_690.5))
        #expect(instant.apiString == "2025-11-14T16:11:30.500000Z")
        #expect(TimestampParser.instant(unixSeconds: .nan) == nil)
        #expect(TimestampParser.instant(unixSeconds: .infinity) == nil)
    }

    @Test func civilDateRoundTripsAcrossEras() {
        for days in stride(from: Int64(-800_000), through: 3_000_000, by: 997) {
            #expect(CivilDate(daysSinceEpoch: days).daysSinceEpoch == days)
        }
        #expect(CivilDate(year: 2026, month: 11, day: 29).isoWeekday == 7)
    }
}

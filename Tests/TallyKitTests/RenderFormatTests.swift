import Foundation
import Testing

@testable import TallyKit

/// Display formatting: fixed English, report zone, integer rounding.
@Suite struct RenderFormatTests {
    let berlin = DisplayFormat(zone: TimeZone(identifier: "Europe/Berlin")!)

    @Test(arguments: [
        (Int64(0), "0"), (999, "999"), (1000, "1,000"), (1_234_567, "1,234,567"), (-1_234_567, "-1,234,567"),
        (Int64.max, "9,223,372,036,854,775,807"),
    ])
    func counts(value: Int64, text: String) {
        #expect(berlin.count(value) == text)
    }

    @Test func percentages() {
        #expect(berlin.percent(Ratio(1, of: 3)) == "33.3%")
        #expect(berlin.percent(Ratio(2, of: 3)) == "66.7%")
        #expect(berlin.percent(Ratio(1, of: 2000)) == "0.1%")
        #expect(berlin.percent(Ratio(0, of: 0)) == "n/a")
        #expect(berlin.percent(Ratio(5, of: 5)) == "100.0%")
        #expect(berlin.change(110, from: 100) == "+10.0%")
        #expect(berlin.change(90, from: 100) == "-10.0%")
        #expect(berlin.change(5, from: 0) == "new")
        #expect(berlin.pointChange(Ratio(1, of: 2), from: Ratio(1, of: 4)) == "+25.0 pp")
    }

    @Test(arguments: [
        (Int64(0), "0 ms"), (400, "< 1 ms"), (350_000, "350 ms"), (12_540_000, "12.5 s"), (245_000_000, "4 min 05 s"),
        (7_523_000_000, "2 h 05 min"), (90_061_000_000, "1 d 01 h"), (-350_000, "-350 ms"),
    ])
    func durations(micros: Int64, text: String) {
        #expect(berlin.duration(micros: micros) == text)
    }

    @Test func bytes() {
        #expect(berlin.bytes(950) == "950 B")
        #expect(berlin.bytes(1500) == "1.5 kB")
        #expect(berlin.bytes(9_876_543_210) == "9.9 GB")
    }

    @Test func instantsInTheReportZoneAcrossDST() throws {
        let winter = try #require(TimestampParser.parse("2026-03-28T23:30:00Z"))
        let summer = try #require(TimestampParser.parse("2026-03-29T01:30:00Z"))
        #expect(berlin.minute(winter) == "2026-03-29 00:30")
        #expect(berlin.offset(at: winter) == "+01:00")
        #expect(berlin.minute(summer) == "2026-03-29 03:30")
        #expect(berlin.offset(at: summer) == "+02:00")
        let utc = DisplayFormat(zone: TimeZone(identifier: "UTC")!)
        #expect(utc.minute(summer) == "2026-03-29 01:30")
        let kolkata = DisplayFormat(zone: TimeZone(identifier: "Asia/Kolkata")!)
        #expect(kolkata.offset(at: summer) == "+05:30")
        #expect(berlin.minute(nil) == "–")
    }
}

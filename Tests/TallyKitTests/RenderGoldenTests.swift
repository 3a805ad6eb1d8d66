import Foundation
import Testing

@testable import TallyKit

/// Golden files for every output of the fixture report; re-record with
/// `TALLY_RECORD_GOLDEN=1 swift test --filter RenderGolden`.
@Suite struct RenderGoldenTests {
    static let names = ["usage.html", "usage.md", "usage_by_customer.csv", "usage_daily.csv", "errors.csv", "usage.json"]

    @Test(arguments: names) func matchesGolden(name: String) throws {
        let files = try RenderFixture.render(RenderFixture.report())
        try GoldenFile.check(Array(try #require(files[name]).utf8), name)
    }

    @Test func renderingTwiceGivesIdenticalBytes() throws {
        let renderer = ReportRenderer(templates: try TemplateSet.builtIn(), zone: RenderFixture.zone, csvBOM: true)
        let report = RenderFixture.report()
        let first = try renderer.render(report)
        let second = try renderer.render(report)
        #expect(first == second)
        #expect(first.count == 6)
    }

    @Test func formatsSelectFiles() throws {
        let renderer = ReportRenderer(templates: try TemplateSet.builtIn(), zone: RenderFixture.zone, csvBOM: false)
        let files = try renderer.render(RenderFixture.report(), formats: [.csv])
        #expect(files.map(\.name) == ["usage_by_customer.csv", "usage_daily.csv", "errors.csv"])
    }

    @Test func csvBOMPrefixesEveryCSV() throws {
        let files = try ReportRenderer(templates: try TemplateSet.builtIn(), zone: RenderFixture.zone, csvBOM: true)
            .render(RenderFixture.report(), formats: [.csv, .json])
        for file in files {
            #expect(file.bytes.starts(with: [0xEF, 0xBB, 0xBF]) == file.name.hasSuffix(".csv"), "\(file.name)")
        }
        #expect(JobsCSVWriter(bom: true).header.hasPrefix("\u{FEFF}id,user_id,"))
    }

    @Test func htmlCapsCustomersAndLinksTheCSV() throws {
        let files = try RenderFixture.render(RenderFixture.report(customers: 600))
        let html = try #require(files["usage.html"])
        #expect(html.contains("603 customers. The first 500 are shown; all are in <a href=\"usage_by_customer.csv\">"))
        #expect(!html.contains("c550@example.com"))
        #expect(files["usage_by_customer.csv"]?.contains("c550@example.com") == true)
    }

    @Test func htmlBaseSizeIsSmall() throws {
        let html = try #require(try RenderFixture.render(RenderFixture.report())["usage.html"])
        #expect(html.utf8.count < 300_000)
    }

    @Test func emptyReportRendersEverySection() throws {
        let period = ReportPeriod(
            from: Instant(seconds: 0), to: Instant(seconds: 86_400), label: "1970-01-01", zoneID: "UTC",
            asOf: Instant(seconds: 90_000), previousFrom: Instant(seconds: -86_400), previousTo: Instant(seconds: 0))
        let files = try ReportRenderer(templates: try TemplateSet.builtIn(), zone: TimeZone(identifier: "UTC")!, csvBOM: false)
            .render(UsageReport(period: period, timeSeries: TimeSeries(granularity: .hour)))
        let text = Dictionary(uniqueKeysWithValues: files.map { ($0.name, String(decoding: $0.bytes, as: UTF8.self)) })
        let html = try #require(text["usage.html"])
        #expect(html.contains("<p>0 customers.</p>"))
        #expect(html.contains("Per hour as a table"))
        #expect(!html.contains("chart-documents"), "no chart without buckets")
        #expect(text["usage.md"]?.contains("| Success rate | n/a |") == true)
        #expect(text["errors.csv"] == "rank,normalized_message,example_message,count,jobs,documents,first_seen,last_seen,share_of_failures\r\n")
        let json = try #require(text["usage.json"])
        #expect(try JSONSerialization.jsonObject(with: Data(json.utf8)) is [String: Any])
        #expect(json.contains("\"previous_totals\": null"))
    }
}

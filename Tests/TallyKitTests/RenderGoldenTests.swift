import Foundation
import Testing

@testable import TallyKit

/// Golden files for every output of the fixture report; re-record with
/// `TALLY_RECORD_GOLDEN=1 swift test --filter RenderGolden`.
@Suite struct RenderGoldenTests {
    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let names = ["usage.html", "usage.md", "usage_by_customer.csv", "usage_daily.csv", "errors.csv", "usage.json"]

    @Test(arguments: names) func matchesGolden(name: String) throws {
        let files = try RenderFixture.render(RenderFixture.report())
        let actual = try #require(files[name])
        let url = Self.goldenDirectory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["TALLY_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.goldenDirectory, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "\(name) differs from Golden/\(name); re-record with TALLY_RECORD_GOLDEN=1 if intended")
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
}

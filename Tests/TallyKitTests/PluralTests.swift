import Foundation
import Testing

@testable import TallyKit

/// Counts in prose and chart titles say "1 document", never "1 documents".
@Suite struct PluralTests {
    @Test func countWithItsNoun() {
        let f = DisplayFormat(zone: RenderFixture.zone)
        #expect(f.count(1, "document") == "1 document")
        #expect(f.count(0, "document") == "0 documents")
        #expect(f.count(1234, "row") == "1,234 rows")
        #expect(f.count(-1, "day") == "-1 days")
        #expect(f.count(2, "child", plural: "children") == "2 children")
    }

    @Test func oneOfEachReadsInTheSingular() throws {
        var report = RenderFixture.report()
        report.customers = [report.customers[0]]
        report.timeSeries.buckets = [report.timeSeries.buckets[0]]
        report.errors.clusters = [report.errors.clusters[0]]
        report.errors.clusterCount = 1
        report.errors.totalFailures = 1
        report.errors.failedJobs = 1
        report.errors.failedDocuments = 0
        report.dataQuality.duplicatesMerged = 1
        report.throughput.tokens = 1
        report.throughput.documentsByHourOfDay = Array(repeating: 0, count: 23) + [1]
        report.billing?.invoices = 1
        let files = try RenderFixture.render(report)
        let html = try #require(files["usage.html"]), md = try #require(files["usage.md"])
        for text in ["<p>1 customer.", "1 failure in 1 group of similar", "1 failed job and 0 document rows with status failed", "; 1 duplicate merged.", "Billing: 1 invoice,", "per day, 1 day.", "23:00 1 document<"] {
            #expect(html.contains(text), "usage.html: \(text)")
        }
        for text in ["1 customer.", "1 failure in 1 group: 1 failed job and 0 document rows", "1 duplicate merged.", "; 1 token;", "Billing: 1 invoice,"] {
            #expect(md.contains(text), "usage.md: \(text)")
        }
        for wrong in [" 1 customers", " 1 failures", " 1 groups", " 1 duplicates", " 1 tokens", " 1 invoices", " 1 days",  " 1 documents", " 1 failed jobs"] {
            #expect(!html.contains(wrong) && !md.contains(wrong), "\(wrong)")
        }
    }
}

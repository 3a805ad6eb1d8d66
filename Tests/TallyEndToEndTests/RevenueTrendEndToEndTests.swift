import Foundation
import Testing

/// Issue 14's revenue trend: with a plan each trend period has the invoice totals of the billing
/// periods starting in it, and the report's period equals what billing.html bills for the
/// billing periods starting in the report period, in every file that shows it.
@Suite struct RevenueTrendEndToEndTests {
    let dir = TempDir()

    /// billing.html's billing periods: first day and total, parsed from its period table.
    static func billedPeriods(_ html: String) -> [(firstDay: String, total: String)] {
        html.matches(of: #/<tr><th scope="row" class="nw">[^<]*</th><td><span class="nw">([0-9-]+)</span> to <span class="nw">[0-9-]+</span></td><td>.*?</td><td class="id">[^<]*</td><td class="n">[^<]*</td><td class="n">([^<]*)</td>/#)
            .map { (String($0.1), String($0.2)) }
    }

    /// `1,234.50` as cents.
    static func cents(_ text: String) -> Int? { Int(text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: ".", with: "")) }

    /// Runs a monthly report of November 2026 under `plan` and checks the last trend point against billing.html.
    func checkLastPoint(plan planText: String, billing cycle: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let sample = try dir.sample(jobs: 1500, users: 9)
        let plan = dir.write("plan-\(cycle).yaml", planText)
        let out = dir("out-\(cycle)")
        let (result, usage) = try runReport([sample + "/history.sqlite"], out: out, ["--plan", plan], sourceLocation: sourceLocation)
        try #require(result.status == 0, sourceLocation: sourceLocation)
        let trends = try #require(usage["trends"] as? [String: Any], sourceLocation: sourceLocation)
        let revenue = try #require(trends["revenue"] as? [String: Any], sourceLocation: sourceLocation)
        #expect(revenue["currency"] as? String == "EUR" && revenue["billing_period"] as? String == cycle, sourceLocation: sourceLocation)
        #expect(revenue["omitted"] is NSNull, sourceLocation: sourceLocation)
        let periods = try #require(trends["periods"] as? [[String: Any]], sourceLocation: sourceLocation)
        let last = try #require(periods.last, sourceLocation: sourceLocation)
        let amount = try #require(last["revenue"] as? String, sourceLocation: sourceLocation)

        // billing.html: the billing periods starting in the report period (November 2026).
        let billed = Self.billedPeriods(text(out + "/billing.html"))
        #expect(!billed.isEmpty, "billing.html's period table parsed", sourceLocation: sourceLocation)
        let starting = billed.filter { $0.firstDay >= "2026-11-01" && $0.firstDay <= "2026-11-30" }
        let expected = starting.compactMap { Self.cents($0.total) }.reduce(0, +)
        #expect(expected > 0, sourceLocation: sourceLocation)
        #expect(Self.cents(amount) == expected, "usage.json's last revenue \(amount) vs billing.html \(starting)", sourceLocation: sourceLocation)
        #expect(last["revenue_draft"] as? Bool == true, "November is open at --as-of", sourceLocation: sourceLocation)

        // The same amount in usage_trends.csv, usage.md and usage.html's table and chart.
        let csv = try AnalystNumbersEndToEndTests.csv(out + "/usage_trends.csv")
        #expect(csv.last?["revenue"] == amount && csv.last?["revenue_draft"] == "true", sourceLocation: sourceLocation)
        #expect(csv.count == 13 && csv.allSatisfy { Self.cents($0["revenue"] ?? "") != nil }, sourceLocation: sourceLocation)
        let md = text(out + "/usage.md")
        let row = try #require(AnalystNumbersEndToEndTests.markdownRow(md, "**2026-11**"), sourceLocation: sourceLocation)
        #expect(row.last.map { Self.cents($0.replacingOccurrences(of: " (draft)", with: "")) } == expected, "\(row)", sourceLocation: sourceLocation)
        let html = text(out + "/usage.html")
        let htmlRow = try #require(html.firstMatch(of: #/<strong>2026-11</strong></th>(?:<td class="n">[^<]*</td>){5}<td class="n nw">([^<]*) \(draft\)</td></tr>/#), sourceLocation: sourceLocation)
        #expect(Self.cents(String(htmlRow.1)) == expected, "usage.html's trend table", sourceLocation: sourceLocation)
        #expect(html.contains("<svg id=\"trend-revenue\""), "the fourth small multiple", sourceLocation: sourceLocation)
        #expect(html.contains("\(amount) EUR (draft) in 2026-11"), "the chart's caption", sourceLocation: sourceLocation)
        // Every period's revenue is the sum of its billing periods': they add up to the earlier ones priced plus billing.html's.
        let sum = periods.compactMap { ($0["revenue"] as? String).flatMap(Self.cents) }.reduce(0, +)
        #expect(sum >= expected, sourceLocation: sourceLocation)
    }

    @Test func monthlyBillingLastPointEqualsBillingHTML() throws {
        try checkLastPoint(plan: ReportFlowTests.plan, billing: "month")
    }

    @Test func weeklyBillingCountsTheWeeksStartingInTheMonth() throws {
        // Billing weeks: the one starting 2026-10-26 overlaps November (billing.html bills it) but starts in October.
        try checkLastPoint(plan: ReportFlowTests.plan + "\nbilling_period: week\n", billing: "week")
        let md = text(dir("out-week") + "/usage.md")
        #expect(md.contains("Revenue per month, by billing week: invoice totals"))
    }

    @Test func noPlanNoRevenue() throws {
        let sample = try dir.sample(jobs: 300, users: 4)
        let out = dir("out")
        let (_, usage) = try runReport([sample + "/history.sqlite"], out: out)
        let trends = try #require(usage["trends"] as? [String: Any])
        #expect(trends["revenue"] == nil)
        #expect((trends["periods"] as? [[String: Any]])?.last?["revenue"] == nil)
        #expect(!text(out + "/usage_trends.csv").contains("revenue"))
        #expect(!text(out + "/usage.html").contains("trend-revenue"))
    }
}

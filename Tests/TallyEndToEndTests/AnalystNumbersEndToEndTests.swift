import Foundation
import Testing

/// Issue 14, "done when": every figure shown in two places of usage.html, usage.md,
/// usage.json, the CSVs and the pages beside them is the same number. Each file is
/// parsed the way a reader would read it (cards, table rows, CSV records, JSON).
@Suite struct AnalystNumbersEndToEndTests {
    let dir = TempDir()

    /// The report of a generated history with a plan, and its parsed usage.json.
    func report() throws -> (out: String, usage: [String: Any]) {
        let sample = try dir.sample(jobs: 1200, users: 9)
        let plan = dir.write("plan.yaml", ReportFlowTests.plan)
        let out = dir("out")
        let (result, usage) = try runReport([sample + "/history.sqlite"], out: out, ["--plan", plan])
        #expect(result.status == 0)
        return (out, usage)
    }

    /// `12,345` as 12345.
    static func number(_ text: String) -> Int? { Int(text.replacingOccurrences(of: ",", with: "")) }

    /// The headline cards of an HTML page: label to value.
    static func cards(_ html: String) -> [String: Int] {
        var cards: [String: Int] = [:]
        for match in html.matches(of: #/<div class="card"><div class="label">([^<]*)</div><div class="value">([^<]*)</div>/#) {
            cards[String(match.1)] = number(String(match.2))
        }
        return cards
    }

    /// The cells of the Markdown table row starting with `first`.
    static func markdownRow(_ md: String, _ first: String) -> [String]? {
        md.split(separator: "\n").map(String.init).first { $0.hasPrefix("| \(first) |") }.map {
            $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        }
    }

    /// A CSV file's records as header name to field, one dictionary per row.
    static func csv(_ path: String) throws -> [[String: String]] {
        let records = try StrictCSV.records(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        guard let header = records.first else { return [] }
        return records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    @Test func totalsTrendsCustomersAndErrorsAgreeEverywhere() throws {
        let (out, usage) = try report()
        let totals = try #require(usage["totals"] as? [String: Any])
        let figures = ["Jobs": "jobs", "Documents": "documents", "Processed": "processed", "Failed": "failed"]
        let html = text(out + "/usage.html"), md = text(out + "/usage.md")

        // Headline: usage.json, the cards of usage.html, the table of usage.md.
        let cards = Self.cards(html)
        for (label, key) in figures {
            let value = try #require(totals[key] as? Int)
            #expect(cards[label] == value, "usage.html card \(label)")
            #expect(Self.markdownRow(md, label)?[1].replacingOccurrences(of: ",", with: "") == String(value), "usage.md \(label)")
        }

        // Trends: the report's period, last, equals the headline in JSON, CSV, Markdown and HTML.
        let periods = try #require((usage["trends"] as? [String: Any])?["periods"] as? [[String: Any]])
        #expect(periods.count == 13)
        let trendCSV = try Self.csv(out + "/usage_trends.csv")
        #expect(trendCSV.count == 13)
        let label = try #require(periods.last?["label"] as? String)
        let mdTrend = try #require(Self.markdownRow(md, "**\(label)**"), "usage.md trend row")
        let htmlTrend = try #require(html.firstMatch(of: #/<th scope="row" class="nw"><strong>([^<]*)</strong></th><td class="n">([^<]*)</td><td class="n">([^<]*)</td><td class="n">([^<]*)</td><td class="n">([^<]*)</td>/#))
        #expect(String(htmlTrend.1) == label)
        for (i, key) in ["jobs", "documents", "processed", "failed"].enumerated() {
            let value = try #require(totals[key] as? Int)
            #expect(periods.last?[key] as? Int == value, "usage.json trends \(key)")
            #expect(trendCSV.last?[key] == String(value), "usage_trends.csv \(key)")
            #expect(Self.number(mdTrend[1 + i]) == value, "usage.md trend \(key)")
            #expect(Self.number(String([htmlTrend.2, htmlTrend.3, htmlTrend.4, htmlTrend.5][i])) == value, "usage.html trend \(key)")
        }

        // Customers: how many, in JSON, the CSV, usage.html, usage.md, the list and the pages.
        let customers = try #require(usage["customers"] as? [[String: Any]])
        let byCustomer = try Self.csv(out + "/usage_by_customer.csv")
        #expect(byCustomer.count == customers.count)
        let counted = "\(customers.count) customers"
        #expect(html.contains("<p>\(counted).") && text(out + "/customers/index.html").contains(counted + ";"))
        #expect(md.contains(counted + "."))
        let pages = entries(out + "/customers").filter { $0.hasSuffix(".html") && !$0.hasPrefix("index") }
        #expect(pages.count == customers.count)

        // Each customer's page: its cards equal its CSV row, and its series adds up to them.
        for row in byCustomer {
            let file = row["user_id"].map { $0.isEmpty ? "anonymous" : $0 } ?? "anonymous"
            let page = text(out + "/customers/\(file).html")
            let pageCards = Self.cards(page)
            for (label, key) in figures { #expect(pageCards[label] == Int(row[key] ?? ""), "customers/\(file).html \(label)") }
            let series = page.matches(of: #/<tr><th scope="row"><time datetime="[^"]*">[^<]*</time></th><td class="n">([^<]*)</td><td class="n">([^<]*)</td><td class="n">([^<]*)</td></tr>/#)
            if !series.isEmpty {
                #expect(series.reduce(0) { $0 + (Self.number(String($1.1)) ?? 0) } == Int(row["jobs"] ?? ""), "\(file) series jobs")
                #expect(series.reduce(0) { $0 + (Self.number(String($1.2)) ?? 0) } == Int(row["processed"] ?? ""), "\(file) series processed")
            }
        }

        // Error groups: errors.csv, usage.json and each group's page.
        let clusters = try #require((usage["errors"] as? [String: Any])?["clusters"] as? [[String: Any]])
        let errorsCSV = try Self.csv(out + "/errors.csv")
        #expect(errorsCSV.count == clusters.count && !clusters.isEmpty)
        for (i, cluster) in clusters.prefix(20).enumerated() {
            let count = try #require(cluster["count"] as? Int)
            #expect(errorsCSV[i]["count"] == String(count))
            let page = text(out + "/errors/\(i + 1).html")
            #expect(page.contains("<dd>\(count.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))) (jobs: "), "errors/\(i + 1).html")
            let rows = page.matches(of: #/<tr><td><time /#).count
            #expect(rows == min(count, 20), "errors/\(i + 1).html lists the rows behind it")
        }
    }
}

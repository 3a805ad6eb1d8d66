import Foundation
import Testing

/// `tally report` end to end: files, determinism, parallelism, atomic replacement, invoices, plan check.
@Suite struct ReportFlowTests {
    let dir = TempDir()

    static let expectedFiles = [
        "usage.html", "usage.md", "usage.json", "usage_daily.csv", "usage_by_customer.csv", "errors.csv", "jobs.csv",
        "stats/index.json",
    ]

    @Test func writesTheExpectedFiles() throws {
        let sample = try dir.sample()
        let out = dir("out")
        let (result, usage) = try runReport([sample + "/history.sqlite"], out: out)
        #expect(result.status == 0)
        let files = snapshot(out)
        for name in Self.expectedFiles { #expect(files[name] != nil, "missing \(name) in \(files.keys.sorted())") }
        #expect(!usage.isEmpty)
        #expect(!entries(dir.path).contains { $0.contains(".tmp") })
    }

    @Test func twoRunsWithTheSameAsOfAreByteIdentical() throws {
        let sample = try dir.sample()
        _ = try runReport([sample + "/history.sqlite"], out: dir("a"))
        _ = try runReport([sample + "/history.sqlite"], out: dir("b"))
        let a = snapshot(dir("a")), b = snapshot(dir("b"))
        #expect(a.count > 5)
        #expect(a.keys.sorted() == b.keys.sorted())
        for (name, bytes) in a { #expect(b[name] == bytes, "\(name) differs between runs") }
    }

    @Test func oneThreadAndTwoThreadsAgreeByteForByte() throws {
        let sample = try dir.sample(jobs: 600)
        _ = try runReport([sample + "/history.sqlite", sample + "/jobs.ndjson"], out: dir("one"), ["--jobs", "1"])
        _ = try runReport([sample + "/history.sqlite", sample + "/jobs.ndjson"], out: dir("two"), ["--jobs", "2"])
        let one = snapshot(dir("one")), two = snapshot(dir("two"))
        #expect(one["jobs.csv"] != nil && (one["jobs.csv"]?.count ?? 0) > 1000)
        #expect(one.keys.sorted() == two.keys.sorted())
        for (name, bytes) in one { #expect(two[name] == bytes, "\(name) differs between --jobs 1 and --jobs 2") }
    }

    @Test func previousReportIsReplacedAsAWhole() throws {
        let sample = try dir.sample()
        let out = dir("out")
        _ = try runReport([sample + "/history.sqlite"], out: out)
        _ = FileManager.default.createFile(atPath: out + "/stale-from-old-run.txt", contents: Data("old".utf8))
        _ = try runReport([sample + "/history.sqlite"], out: out, ["--format", "json"])
        let names = entries(out)
        #expect(!names.contains("stale-from-old-run.txt"))
        #expect(!names.contains("usage.html"))
        #expect(names.contains("usage.json"))
        #expect(!entries(dir.path).contains { $0.contains(".tmp") || $0.contains(".old") }, "\(entries(dir.path))")
    }

    @Test func planWritesInvoices() throws {
        let sample = try dir.sample()
        let plan = dir.write("plan.yaml", Self.plan)
        let out = dir("out")
        let (result, _) = try runReport([sample + "/history.sqlite"], out: out, ["--plan", plan])
        #expect(result.status == 0)
        let names = Set(snapshot(out).keys)
        #expect(names.isSuperset(of: ["invoices.json", "invoices.csv", "billing_summary.csv"]), "\(names.sorted())")
        #expect(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/invoices.json"))) is [String: Any])
    }

    /// At info the log names top-level files one by one and sums up `invoices/` and `stats/`; their files only at debug.
    @Test(arguments: ["info", "debug"])
    func logsSummariseSubfolders(level: String) throws {
        let sample = try dir.sample()
        let plan = dir.write("plan.yaml", Self.plan)
        let out = dir("out")
        let (result, _) = try runReport(
            [sample + "/history.sqlite"], out: out, ["--plan", plan, "--log-level", level, "--log-format", "json"])
        let lines = result.stderr.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: String]
        }
        let invoices = snapshot(out).keys.filter { $0.hasPrefix("invoices/") }
        let summary = try #require(lines.first { $0["message"] == "run summary" })
        #expect(summary["files"]?.contains("invoices/") == false && summary["files"]?.contains("usage.html:") == true)
        #expect(summary["invoices_files"] == "\(invoices.count)" && !invoices.isEmpty)
        #expect(summary["stats_files"] == "\(snapshot(out).keys.filter { $0.hasPrefix("stats/") }.count)")
        let wrote = lines.filter { $0["message"] == "wrote" }
        #expect(wrote.contains { $0["folder"] == "invoices/" && $0["files"] == "\(invoices.count)" })
        let perFile = wrote.filter { $0["file"]?.contains("/") == true }
        #expect(perFile.allSatisfy { $0["level"] == "debug" })
        #expect(perFile.count == (level == "debug" ? snapshot(out).keys.filter { $0.contains("/") }.count : 0))
    }

    @Test func planCheckOkAndBad() throws {
        let good = try Tally.run(["plan", "check", dir.write("plan.yaml", Self.plan)])
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.out.contains("ok"))
        let typo = Self.plan.replacingOccurrences(of: "base_fee", with: "base_feee")
        let bad = try Tally.run(["plan", "check", dir.write("typo.yaml", typo)])
        expectFatal(bad, 65, mentions: ["typo.yaml", "base_feee"])
    }

    /// A small valid plan.
    static let plan = """
        currency: EUR
        timezone: UTC
        default_plan: basic
        plans:
          basic:
            base_fee: "10.00"
            charges:
              - metric: documents
                model: per_unit
                unit_price: "0.05"
        """
}

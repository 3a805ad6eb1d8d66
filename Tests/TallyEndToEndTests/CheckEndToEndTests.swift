import Foundation
import Testing

/// `tally plan check` and `tally config check`: every problem in the file on its own stderr line.
@Suite struct CheckEndToEndTests {
    let dir = TempDir()

    @Test func planCheckListsEveryProblem() throws {
        let bad = ReportFlowTests.plan
            .replacingOccurrences(of: "currency: EUR", with: "currency: EUX")
            .replacingOccurrences(of: "base_fee: \"10.00\"", with: "base_fee: 10.00")
            .replacingOccurrences(of: "model: per_unit", with: "model: per_unt")
        let path = dir.write("three.yaml", bad)
        let result = try Tally.run(["plan", "check", path])
        #expect(result.status == 65)
        #expect(result.out.isEmpty)
        #expect(result.errorLines.count == 3, "\(result.stderr)")
        #expect(result.messages.map { $0.split(separator: " ").prefix(2).joined(separator: " ") } == Array(repeating: "tally: error:", count: 3))
        #expect(result.messages.map { $0.split(separator: " ")[2] } == ["\(path):1:", "\(path):6:", "\(path):9:"])
        #expect(result.stderr.contains("\(path):6: plans.basic.base_fee: money must be a quoted string"))
    }

    @Test func configCheckListsEveryProblem() throws {
        let path = dir.write("tally.yaml", "jobs: none\nformats: [html, pdf]\ntimezon: UTC\n")
        let result = try Tally.run(["config", "check", path])
        #expect(result.status == 65)
        #expect(result.messages == [
            "tally: error: \(path):1: jobs: expected a whole number, found 'none'",
            "tally: error: \(path):2: formats: unknown format 'pdf' (use html, csv, md, json)",
            "tally: error: \(path):3: unknown key 'timezon'; did you mean 'timezone'? (keys: sources, out, timezone, plan, ledger, fail_on_restatement, "
                + "templates, formats, csv_bom, paper, stuck_after, users, log_level, log_format, log_timestamps, jobs, strict, private, push_down)",
        ])
        let good = try Tally.run(["config", "check", dir.write("ok.yaml", "jobs: 2\n")])
        #expect(good.status == 0)
        #expect(good.out == "\(dir("ok.yaml")): ok\n")
    }

    /// A report run with a bad plan logs each problem as an error line, and writes nothing.
    @Test func reportWithABadPlanLogsEveryProblem() throws {
        let plan = dir.write("plan.yaml", ReportFlowTests.plan
            .replacingOccurrences(of: "currency: EUR", with: "currency: EUX")
            .replacingOccurrences(of: "metric: documents", with: "metric: pages"))
        let history = dir.write("jobs.ndjson", "")
        let result = try Tally.run(reportArguments([history], out: dir("out"), ["--plan", plan]))
        #expect(result.status == 65)
        #expect(result.errorLines.count == 2, "\(result.stderr)")
        #expect(result.messages.allSatisfy { $0.hasPrefix("tally: error: \(plan):") })
        #expect(!FileManager.default.fileExists(atPath: dir("out")))
    }
}

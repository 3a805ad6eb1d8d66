import Foundation
import TallyKit
import Testing

/// Every CSV of a full report (`--plan`, all formats) over a history whose every text
/// field is hostile stays RFC 4180, keeps every value, and defuses every formula.
@Suite struct HostileCSVEndToEndTests {
    let dir = TempDir()
    let history = HostileHistory()

    /// Column name to the values (un-defused) the history puts there, per CSV file.
    func expectedColumns() -> [String: [String: Set<String>]] {
        let userIDs = Set(history.users.map(\.id)), emails = Set(history.users.map(\.email))
        let names = Set(history.users.map(\.name))
        let messages = history.failureMessages
        return [
            "jobs.csv": [
                "id": Set(history.jobs.map(\.id)), "user_id": userIDs, "job_type": Set(history.jobs.map(\.type)),
                "status": Set(history.jobs.map(\.status)), "model_name": Set(history.jobs.map(\.model)),
                "error_message": Set(history.jobs.map { $0.error ?? "" }),
            ],
            "usage_by_customer.csv": ["user_id": userIDs, "email": emails, "name": names],
            "errors.csv": [
                "example_message": messages, "normalized_message": Set(messages.map(ErrorNormalizer.normalize)),
            ],
            "invoices.csv": ["customer_id": userIDs, "email": emails],
            "invoice_breakdown.csv": [:],
            "billing_summary.csv": ["customer_id": userIDs, "email": emails, "name": names, "plan": [history.planName]],
            "adjustments.csv": [:],
            "usage_daily.csv": [:],
            "usage_trends.csv": [:],
        ]
    }

    @Test func everyCSVStaysRectangularKeepsTheTextAndDefusesFormulas() throws {
        let database = dir("hostile.sqlite")
        try sqlite(database, history.sql)
        let dump = dir.write("hostile.json", history.dump)
        let plan = dir.write("plan.yaml", history.plan)
        var outputs: [String: [String: [UInt8]]] = [:]
        for (name, source, extra) in [("sqlite", database, [String]()), ("dump", dump, ["--csv-bom"])] {
            let out = dir(name)
            let (result, _) = try runReport([source], out: out, ["--plan", plan] + extra)
            // November is still open on the 29th: the one warning says the invoices are drafts.
            #expect(result.errorLines.allSatisfy { $0.contains("2026-11: draft invoices") }, "\(name): \(result.stderr)")
            let csvs = snapshot(out).filter { $0.key.hasSuffix(".csv") }
            #expect(Set(csvs.keys) == Set(expectedColumns().keys), "\(name): \(csvs.keys.sorted())")
            for (file, bytes) in csvs.sorted(by: { $0.key < $1.key }) {
                #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]) == extra.contains("--csv-bom"), "\(name)/\(file) BOM")
                try check(file, bytes, in: name)
            }
            outputs[name] = csvs
        }
        // Both readers deliver the same rows: the files differ only by the BOM.
        for (file, bytes) in outputs["sqlite"] ?? [:] {
            #expect([0xEF, 0xBB, 0xBF] + bytes == outputs["dump"]?[file], "\(file): SQLite and JSON reports differ")
        }
    }

    /// Parses one file strictly and checks its shape, its hostile columns and every cell.
    func check(_ file: String, _ bytes: [UInt8], in run: String) throws {
        let label = "\(run)/\(file)"
        let records: [[String]]
        do {
            records = try StrictCSV.records(bytes)
        } catch {
            Issue.record("\(label) is not RFC 4180: \(error)")
            return
        }
        let header = try #require(records.first, "\(label): empty")
        // No final invoice changed (no notes) and the plan has no tiers (no breakdown): those two are their header.
        #expect(records.count > 1 || ["adjustments.csv", "invoice_breakdown.csv"].contains(file), "\(label): no rows")
        for (n, record) in records.enumerated() {
            #expect(record.count == header.count, "\(label) record \(n): \(record.count) cells, header has \(header.count)")
        }
        for (column, values) in expectedColumns()[file] ?? [:] {
            let index = try #require(header.firstIndex(of: column), "\(label): no column \(column)")
            let found = Set(records.dropFirst().filter { $0.count == header.count }.map { StrictCSV.undefused($0[index]) })
            #expect(found == values, "\(label) column \(column): \(found.subtracting(values).sorted()) not in the data")
            // Normalised messages have their CR and LF turned into spaces.
            #expect(column == "normalized_message" || values.contains(where: HostileHistory.isHostile), "\(label) column \(column): no hostile value to check")
        }
        if file == "invoices.csv" {
            #expect(records.contains { $0.contains { $0.hasPrefix("-") && Double($0) != nil } }, "\(label): no negative amount")
        }
        for record in records {
            for cell in record where StrictCSV.looksLikeFormula(cell) {
                #expect(Double(cell) != nil, "\(label): formula not defused: \(cell.debugDescription)")
            }
        }
    }
}

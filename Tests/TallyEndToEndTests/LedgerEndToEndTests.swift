import Foundation
import Testing

/// Draft and final invoices, the ledger and adjustment notes, with histories made here.
@Suite struct LedgerEndToEndTests {
    let dir = TempDir()

    @Test func aReportForTheCurrentMonthGivesDraftsAndRecordsNothing() throws {
        let f = try LedgerFixture(dir)
        let result = try f.run(out: dir("out"), period: "2026-11", asOf: "2026-11-20T00:00:00Z")
        #expect(result.messages == ["tally: warning: 2026-11: draft invoices, usage up to 2026-11-20 00:00 +00:00; the period closes 2026-12-01 00:00 +00:00"])
        let rows = csvRows(dir("out/invoices.csv"))
        #expect(Set(column("status", of: rows)) == ["draft"])
        #expect(Set(column("invoice_number", of: rows)).allSatisfy { $0.hasPrefix("DRAFT-2026-11-") })
        #expect(!exists(f.ledger), "a draft-only run created the ledger")
        #expect(text(dir("out/billing.md")).contains("DRAFT: usage up to 2026-11-20 00:00 +00:00; the period closes 2026-12-01 00:00 +00:00"))
        #expect(text(dir("out/billing.html")).contains("DRAFT: usage up to 2026-11-20 00:00 +00:00"))
        let page = try #require(entries(dir("out/invoices")).first)
        #expect(text(dir("out/invoices/" + page)).contains("DRAFT: usage up to"))
    }

    @Test func theFirstFinalRunNumbersInvoicesGaplessly() throws {
        let f = try LedgerFixture(dir)
        try f.run(out: dir("sep"), period: "2026-09", asOf: "2026-11-20T00:00:00Z")
        try f.run(out: dir("oct"), period: "2026-10", asOf: "2026-11-20T00:00:00Z")
        let summary = csvRows(dir("oct/billing_summary.csv"))
        // Alice, bob and carol by id: September had alice and bob.
        #expect(column("invoice_number", of: summary) == ["INV-000003", "INV-000004", "INV-000005"])
        #expect(Set(column("status", of: summary)) == ["final"])
        #expect(column("issue_date", of: summary) == ["2026-11-20", "2026-11-20", "2026-11-20"])
        #expect(column("due_date", of: summary) == ["2026-12-04", "2026-12-04", "2026-12-04"])
        let kinds = try f.entries().map { "\($0[1]) \($0[2]) \($0[3])" }
        #expect(kinds == [
            "period  2026-09", "invoice INV-000001 2026-09", "invoice INV-000002 2026-09",
            "period  2026-10", "invoice INV-000003 2026-10", "invoice INV-000004 2026-10", "invoice INV-000005 2026-10",
        ])
        let verify = try Tally.run(["ledger", "verify", f.ledger])
        #expect(verify.status == 0 && verify.out.contains("ok (7 entries"), "\(verify.out)\(verify.stderr)")
        // invoices.csv adds up to billing_summary.csv per invoice.
        let lines = csvRows(dir("oct/invoices.csv"))
        for (number, total) in zip(column("invoice_number", of: summary), column("total", of: summary)) {
            let amounts = zip(column("invoice_number", of: lines), column("amount", of: lines)).filter { $0.0 == number }.map(\.1)
            #expect(sum(amounts) == sum([total]), "\(number)")
        }
    }

    @Test func anIdenticalRerunIsByteIdenticalAndRecordsNothing() throws {
        let f = try LedgerFixture(dir)
        try f.run(out: dir("first"), period: "2026-10", asOf: "2026-11-20T00:00:00Z")
        let recorded = try f.entries()
        let again = try f.run(out: dir("second"), period: "2026-10", asOf: "2026-11-20T00:00:00Z")
        #expect(again.stderr.isEmpty)
        #expect(snapshot(dir("second")) == snapshot(dir("first")))
        #expect(try f.entries() == recorded)
        // A later run (as of December) shows the same invoices: the ledger, not the run, dates them.
        try f.run(out: dir("later"), period: "2026-10", asOf: "2026-12-02T00:00:00Z")
        #expect(text(dir("later/invoices.csv")) == text(dir("first/invoices.csv")))
        #expect(try f.entries() == recorded)
    }

    @Test func aLateJobGivesOneAdjustmentOfTheDifferenceToTheCent() throws {
        let f = try LedgerFixture(dir)
        try f.run(out: dir("oct"), period: "2026-10", asOf: "2026-11-20T00:00:00Z")
        let before = try f.run(out: dir("priced-before"), period: "2026-10", asOf: "2026-11-20T00:00:00Z", ledger: false)
        #expect(before.status == 0)
        try f.add(LedgerFixture.job(9, LedgerFixture.alice, documents: 333, completed: "2026-10-31"))
        try f.run(out: dir("priced-after"), period: "2026-10", asOf: "2026-11-20T00:00:00Z", ledger: false)
        let result = try f.run(out: dir("oct2"), period: "2026-10", asOf: "2026-11-25T00:00:00Z")
        #expect(result.stderr.contains("2026-10: the history changed after the period was finalized: 1 adjustment note(s) issued"))
        let notes = csvRows(dir("oct2/adjustments.csv"))
        #expect(notes.first == ["note_number", "original_invoice_number", "customer_id", "kind", "amount", "currency"])
        #expect(notes.count == 2)
        let totals = { (out: String) in
            Dictionary(uniqueKeysWithValues: zip(column("customer_id", of: csvRows(out + "/billing_summary.csv")), column("total", of: csvRows(out + "/billing_summary.csv"))))
        }
        let difference = sum([totals(dir("priced-after"))[LedgerFixture.alice] ?? ""]) - sum([totals(dir("priced-before"))[LedgerFixture.alice] ?? ""])
        #expect(notes[1][0] == "ADJ-000001" && notes[1][2] == LedgerFixture.alice && notes[1][3] == "debit")
        #expect(sum([notes[1][4]]) == difference, "note \(notes[1][4]) vs difference \(difference)")
        // The invoice itself stands as recorded.
        #expect(text(dir("oct2/invoices.csv")) == text(dir("oct/invoices.csv")))
        #expect(exists(dir("oct2/adjustments/ADJ-000001.html")))
        #expect(text(dir("oct2/billing.md")).contains("### Debit note ADJ-000001"))
        #expect(text(dir("oct2/billing.md")).contains(" 1 note, in all "), "one note, counted in the singular")
        // The next identical run issues nothing new.
        let count = try f.entries().count
        let again = try f.run(out: dir("oct3"), period: "2026-10", asOf: "2026-11-25T00:00:00Z")
        #expect(again.stderr.isEmpty)
        #expect(try f.entries().count == count)
        #expect(snapshot(dir("oct3")) == snapshot(dir("oct2")))
        // Removing the job again credits it back.
        try f.add("DELETE FROM jobs WHERE id = '10000000-0000-4000-8000-000000000009';")
        try f.run(out: dir("oct4"), period: "2026-10", asOf: "2026-11-26T00:00:00Z")
        let credit = csvRows(dir("oct4/adjustments.csv"))
        #expect(credit.count == 3 && credit[2][3] == "credit" && sum([credit[2][4]]) == -difference)
        #expect(try Tally.run(["ledger", "verify", f.ledger]).status == 0)
    }

    @Test func failOnRestatementExitsOneAndWritesNothing() throws {
        let f = try LedgerFixture(dir)
        try f.run(out: dir("oct"), period: "2026-10", asOf: "2026-11-20T00:00:00Z")
        let recorded = try f.entries()
        try f.add(LedgerFixture.job(9, LedgerFixture.bob, documents: 1, completed: "2026-10-31"))
        let result = try Tally.run(f.arguments(out: dir("refused"), period: "2026-10", asOf: "2026-11-25T00:00:00Z", ["--fail-on-restatement"]))
        expectFatal(result, 1, mentions: ["INV-000002", "--fail-on-restatement"])
        #expect(!exists(dir("refused")))
        #expect(try f.entries() == recorded)
    }

    @Test func aKilledRunLeavesTheLedgerAsItWas() throws {
        let f = try LedgerFixture(dir)
        try f.run(out: dir("sep"), period: "2026-09", asOf: "2026-11-20T00:00:00Z")
        let recorded = try f.entries()
        let flag = dir("paused")
        let child = try Child(
            f.arguments(out: dir("oct"), period: "2026-10", asOf: "2026-11-20T00:00:00Z"), environment: ["TALLY_TEST_PAUSE_IN_LEDGER": flag])
        try waitUntil("the run to pause inside the ledger write") { exists(flag) }
        child.signal(SIGKILL)
        #expect(child.wait().status == 128 + SIGKILL)
        #expect(try f.entries() == recorded)
        let verify = try Tally.run(["ledger", "verify", f.ledger])
        #expect(verify.status == 0, "\(verify.out)\(verify.stderr)")
        #expect(!exists(dir("oct")))
        // The next run numbers on from where the ledger was.
        try f.run(out: dir("oct"), period: "2026-10", asOf: "2026-11-20T00:00:00Z")
        #expect(column("invoice_number", of: csvRows(dir("oct/billing_summary.csv"))) == ["INV-000003", "INV-000004", "INV-000005"])
    }

    @Test func aHandEditedLedgerFailsVerify() throws {
        let f = try LedgerFixture(dir)
        try f.run(out: dir("oct"), period: "2026-10", asOf: "2026-11-20T00:00:00Z")
        // The triggers refuse an edit ...
        let refused = Process()
        refused.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        refused.arguments = ["sqlite3", f.ledger, "UPDATE lines SET amount = '0.01' WHERE seq = 2 AND line = 1;"]
        refused.standardError = FileHandle.nullDevice
        try refused.run()
        refused.waitUntilExit()
        #expect(refused.terminationStatus != 0, "the ledger accepted an UPDATE")
        #expect(try Tally.run(["ledger", "verify", f.ledger]).status == 0)
        // ... and an edit made around them breaks the chain.
        try sqlite(f.ledger, "DROP TRIGGER lines_no_update; UPDATE lines SET amount = '0.01' WHERE seq = 2 AND line = 1;")
        let broken = try Tally.run(["ledger", "verify", f.ledger])
        #expect(broken.status == 65)
        #expect(broken.stderr.contains("entry 2 (INV-000001): its values do not match its hash"), "\(broken.stderr)")
        #expect(broken.stderr.contains("is not the sum of its lines"), "\(broken.stderr)")
    }

    @Test func twoRunsOnOneLedgerNeverShareANumber() throws {
        let f = try LedgerFixture(dir)
        let flag = dir("paused")
        let first = try Child(
            f.arguments(out: dir("a"), period: "2026-10", asOf: "2026-11-20T00:00:00Z"), environment: ["TALLY_TEST_PAUSE_IN_LEDGER": flag])
        try waitUntil("the first run to hold the ledger") { exists(flag) }
        let second = try Tally.run(f.arguments(out: dir("b"), period: "2026-10", asOf: "2026-11-20T00:00:00Z"))
        expectFatal(second, 73, mentions: ["in use by another tally run"])
        #expect(!exists(dir("b")))
        unlink(flag)
        #expect(first.wait().status == 0)
        try f.run(out: dir("b"), period: "2026-10", asOf: "2026-11-20T00:00:00Z")
        let numbers = try f.entries().map { $0[2] }.filter { !$0.isEmpty }
        #expect(numbers == ["INV-000001", "INV-000002", "INV-000003"])
        #expect(text(dir("b/invoices.csv")) == text(dir("a/invoices.csv")))
    }

    @Test func theNightlyRunBillsTheMonthSoFarNotTheDay() throws {
        let f = try LedgerFixture(dir)
        try f.run(out: dir("day"), period: "2026-11-18", asOf: "2026-11-19T01:00:00Z")
        let summary = csvRows(dir("day/billing_summary.csv"))
        #expect(column("period_label", of: summary) == ["2026-11", "2026-11"])
        #expect(column("period_start_local", of: summary) == ["2026-11-01", "2026-11-01"])
        // On the 1st, yesterday closes October: final, numbered, recorded.
        try f.run(out: dir("first"), period: "yesterday", asOf: "2026-12-01T01:15:00Z")
        #expect(Set(column("status", of: csvRows(dir("first/billing_summary.csv")))) == ["final"])
        #expect(column("period_label", of: csvRows(dir("first/billing_summary.csv"))) == ["2026-11", "2026-11"])
        #expect(try f.entries().count == 3)
    }

    @Test func graceKeepsAnEndedPeriodDraftUntilItPasses() throws {
        let f = try LedgerFixture(dir, grace: "3d")
        let early = try f.run(out: dir("early"), period: "2026-10", asOf: "2026-11-02T00:00:00Z")
        #expect(early.stderr.contains("(final from 2026-11-04 00:00 +00:00)"))
        #expect(Set(column("status", of: csvRows(dir("early/invoices.csv")))) == ["draft"])
        try f.run(out: dir("late"), period: "2026-10", asOf: "2026-11-04T00:00:00Z")
        #expect(Set(column("status", of: csvRows(dir("late/invoices.csv")))) == ["final"])
    }

    @Test func noPlanSwitchesOffAConfiguredPlan() throws {
        let f = try LedgerFixture(dir)
        let config = dir.write("tally.yaml", "sources: [\(f.history)]\nplan: \(f.plan)\nledger: \(f.ledger)\n")
        let with = try Tally.run(["report", "--config", config, "--out", dir("with"), "--period", "2026-10", "--as-of", "2026-11-20T00:00:00Z"])
        #expect(with.status == 0, "\(with.stderr)")
        #expect(exists(dir("with/invoices.csv")) && exists(f.ledger))
        let without = try Tally.run(["report", "--config", config, "--no-plan", "--out", dir("without"), "--period", "2026-10", "--as-of", "2026-11-20T00:00:00Z"])
        #expect(without.status == 0, "\(without.stderr)")
        #expect(!exists(dir("without/invoices.csv")) && !exists(dir("without/billing.html")))
        let both = try Tally.run(["report", f.history, "--out", dir("x"), "--plan", f.plan, "--no-plan"])
        #expect(both.status == 64)
    }

    @Test func aPeriodIsFinalizedForEveryCustomerOrNotAtAll() throws {
        let f = try LedgerFixture(dir)
        let some = try Tally.run(f.arguments(out: dir("alice"), period: "2026-10", asOf: "2026-11-20T00:00:00Z", ["--user", "alice@example.com"]))
        expectFatal(some, 64, mentions: ["2026-10 is final and not in the ledger yet"])
        try f.run(out: dir("all"), period: "2026-10", asOf: "2026-11-20T00:00:00Z")
        try f.run(out: dir("alice"), period: "2026-10", asOf: "2026-11-20T00:00:00Z", ["--user", "alice@example.com"])
        #expect(column("invoice_number", of: csvRows(dir("alice/billing_summary.csv"))) == ["INV-000001"])
        #expect(try f.entries().count == 4)
    }

    @Test func ledgerShowListsAnInvoiceWithItsLines() throws {
        let f = try LedgerFixture(dir)
        try f.run(out: dir("oct"), period: "2026-10", asOf: "2026-11-20T00:00:00Z")
        let show = try Tally.run(["ledger", "show", f.ledger, "INV-000001"])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.out.contains("number: INV-000001\nkind: invoice\nperiod: 2026-10\n"))
        #expect(show.out.contains("customer_email: alice@example.com"))
        #expect(show.out.contains("line 2: usage documents graduated: quantity 37 x - = 3.375, amount 3.38"))
        #expect(show.out.contains("  tier 2 (11+): 27 x 0.125 + 0 = 3.375"))
        expectFatal(try Tally.run(["ledger", "show", f.ledger, "INV-999999"]), 66, mentions: ["no entry numbered 'INV-999999'"])
        expectFatal(try Tally.run(["ledger", "list", dir("nowhere.sqlite")]), 66, mentions: ["no such ledger"])
        expectFatal(try Tally.run(["ledger", "verify", f.history]), 66, mentions: ["not a tally ledger"])
    }

    @Test func customerPagesNameNoPathOrHost() throws {
        let f = try LedgerFixture(dir)
        try f.run(out: dir("oct"), period: "2026-10", asOf: "2026-11-20T00:00:00Z")
        let pages = snapshot(dir("oct")).filter { $0.key.hasPrefix("invoices/") || $0.key.hasPrefix("adjustments/") }
        #expect(pages.count == 3)
        let host = ProcessInfo.processInfo.hostName
        for (name, bytes) in pages {
            let page = String(decoding: bytes, as: UTF8.self)
            #expect(!page.contains(dir.path) && !page.contains(f.plan) && !page.contains("/tmp"), "\(name) names a path")
                #expect(host.count < 8 || !page.contains(host), "\(name) names the host")
            #expect(page.contains("Docproc GmbH") && page.contains("DE123456789"), "\(name) has no issuer")
            #expect(page.contains("Due date</dt><dd>2026-12-04"), "\(name) has no due date")
        }
        #expect(text(dir("oct/invoices/INV-000001.html")).contains("<strong>Alice Ltd</strong><br>1 Main St"))
    }
}

/// The sum of decimal strings, in cents (the fixtures use EUR).
func sum(_ amounts: [String]) -> Int {
    amounts.reduce(0) { total, text in
        let negative = text.hasPrefix("-")
        let parts = text.drop { $0 == "-" }.split(separator: ".")
        let cents = (Int(parts.first ?? "0") ?? 0) * 100 + (parts.count > 1 ? Int(parts[1].padding(toLength: 2, withPad: "0", startingAt: 0)) ?? 0 : 0)
        return total + (negative ? -cents : cents)
    }
}

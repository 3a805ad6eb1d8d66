import Foundation
import Testing
@testable import TallyKit

/// The ledger file and the ledger as billing uses it: append-only, chained, gapless, lossless.
@Suite struct LedgerTests {
    let path = NSTemporaryDirectory() + "tally-ledger-\(UUID().uuidString).sqlite"

    func invoice(_ number: String, documents: Int64 = 6) throws -> Invoice {
        var invoice = InvoiceBuilder(plan: try invoicePlan()).invoice(
            number: number, customer: BillingCustomer(id: "u-alice", email: "alice@example.com", name: "Alice"),
            usage: BillingUsage(documents: documents, tokens: 12, processingMicroseconds: 1_500_001), period: novemberPeriod)
        invoice.issuedAt = Instant(seconds: 1_796_100_000)
        invoice.issueDate = CivilDate(year: 2026, month: 12, day: 1)
        invoice.dueDate = CivilDate(year: 2026, month: 12, day: 15)
        return invoice
    }

    @Test func anInvoiceReadBackEqualsTheOneRecorded() throws {
        let book = try LedgerBook(path: path, plan: try invoicePlan())
        defer { try? FileManager.default.removeItem(atPath: path) }
        let original = try invoice(book.takeInvoiceNumber())
        #expect(original.number == "INV-000001")
        #expect(original.lines[1].breakdown.count == 2)
        #expect(try book.record(original) == original)
        try book.commit()
        let again = try LedgerBook(path: path, plan: try invoicePlan())
        var read: [Invoice] = []
        try again.invoices(of: novemberPeriod) { read.append($0) }
        #expect(read == [original])
        #expect(again.takeInvoiceNumber() == "INV-000002")
    }

    @Test func theTriggersRefuseUpdatesAndDeletes() throws {
        let store = try LedgerStore.openForWriting(path: path)
        defer { try? FileManager.default.removeItem(atPath: path) }
        try store.append(LedgerCodec.entry(try invoice("INV-000001")))
        for sql in ["UPDATE entries SET total = '0'", "DELETE FROM entries", "UPDATE lines SET amount = '1'", "DELETE FROM tiers"] {
            #expect(throws: TallyError.self, "\(sql)") { try store.db.execute(sql) }
        }
        // Out of order, or lines added to an older entry, are refused too.
        #expect(throws: TallyError.self) {
            try store.db.execute("INSERT INTO entries (seq, kind, period_label, period_start, period_end, first_day, last_day, currency, total, issued_at, issue_date, prev_hash, hash) VALUES (5, 'period', 'x', 'x', 'x', 'x', 'x', 'EUR', '0', 'x', 'x', 'x', 'y')")
        }
        try store.append(LedgerCodec.entry(try invoice("INV-000002")))
        #expect(throws: TallyError.self) {
            try store.db.execute("INSERT INTO lines (seq, line, kind, quantity, exact_amount, amount) VALUES (1, 9, 'tax', '0', '0', '0')")
        }
        try store.commit()
        #expect(try LedgerInspection.verify(path: path).hasSuffix("ok (2 entries: 0 period, 2 invoice, 0 credit, 0 debit; hash chain intact, totals add up, numbers gapless)"))
    }

    @Test func eachHashCoversTheEntryItsLinesAndTheOneBefore() throws {
        let first = LedgerCodec.entry(try invoice("INV-000001"))
        var entry = first
        entry.seq = 1
        entry.prevHash = LedgerChain.genesis
        let hash = LedgerChain.hash(of: entry)
        #expect(hash.count == 64 && hash != LedgerChain.genesis)
        var changed = entry
        changed.lines[1].tiers[0].amount = "35.01"
        #expect(LedgerChain.hash(of: changed) != hash)
        changed = entry
        changed.prevHash = String(repeating: "1", count: 64)
        #expect(LedgerChain.hash(of: changed) != hash)
        changed = entry
        changed.hash = "anything"
        #expect(LedgerChain.hash(of: changed) == hash)
    }

    @Test func aRollbackLeavesNothing() throws {
        let book = try LedgerBook(path: path, plan: try invoicePlan())
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try book.record(try invoice(book.takeInvoiceNumber()))
        book.rollback()
        let store = try LedgerStore.openForReading(path: path)
        #expect(try store.count(kinds: ["invoice"]) == 0)
    }

    @Test func anOverlappingRecordedPeriodWithOtherBoundsIsRefused() throws {
        let book = try LedgerBook(path: path, plan: try invoicePlan())
        defer { try? FileManager.default.removeItem(atPath: path) }
        try book.recordPeriod(novemberPeriod, currency: Currency(code: "USD")!, issuer: nil, issuedAt: Instant(seconds: 1_796_100_000), issueDate: CivilDate(year: 2026, month: 12, day: 1))
        #expect(try book.isRecorded(novemberPeriod))
        var week = novemberPeriod
        week.end = Instant(seconds: 1_793_487_600 + 7 * 86_400)
        #expect(throws: TallyError.self) { try book.isRecorded(week) }
        var december = novemberPeriod
        december.start = novemberPeriod.end
        december.end = Instant(seconds: 1_796_079_600 + 31 * 86_400)
        #expect(try !book.isRecorded(december))
    }

    @Test func notesCarryTheDifferenceLineByLine() throws {
        let plan = try invoicePlan()
        let old = try invoice("INV-000001", documents: 6)  // pro: 99 + 41.50
        let new = try invoice("INV-000001", documents: 12)  // pro: 99 + 35 + 32.50 + 12
        let delta = Restatement.differences(from: old.lines, to: new.lines)
        #expect(delta.map(\.kind) == [.usage])
        #expect(delta[0].quantity == dec("6") && delta[0].amount == dec("38"))
        #expect(delta.reduce(.zero) { $0 + $1.amount } == new.total - old.total)
        let note = AdjustmentNote(
            number: "ADJ-000001", kind: .debit, originalNumber: old.number, customer: old.customer, billTo: old.billTo, plan: "pro",
            period: novemberPeriod, currency: plan.currency, usage: new.usage, lines: delta, issuedAt: Instant(seconds: 1_796_200_000),
            issueDate: CivilDate(year: 2026, month: 12, day: 2), dueDate: nil)
        let standing = Restatement.standing(old.lines, notes: [note])
        #expect(standing.map(\.amount) == new.lines.map(\.amount))
        #expect(Restatement.differences(from: standing, to: new.lines).isEmpty)
        // Everything gone: every line is taken back.
        let back = Restatement.differences(from: standing, to: [])
        #expect(back.reduce(.zero) { $0 + $1.amount } == -new.total)
    }
}

import Testing
@testable import TallyKit

@Suite struct BillingWriterTests {
    func sampleRun() throws -> BillingRun {
        let alice = BillingCustomer(id: "u-alice", email: "alice@example.com", name: "Alice")
        let carol = BillingCustomer(id: "u-carol", email: "carol@example.com", name: "=HYPERLINK(\"x\")")
        return try BillingRun.make(
            plan: try invoicePlan(), period: novemberPeriod,
            usage: [
                CustomerUsage(customer: alice, usage: BillingUsage(documents: 6)),
                CustomerUsage(customer: carol, usage: BillingUsage(documents: 3)),
            ],
            knownCustomers: [alice, carol], unbilled: UnbilledUsage(anonymousDocuments: 1), processedDocuments: 10)
    }

    @Test func invoicesCSV() throws {
        let csv = String(decoding: BillingCSVWriter.invoices(try sampleRun()), as: UTF8.self)
        let p = "2026-10-31T23:00:00Z,2026-11-30T23:00:00Z"
        #expect(
            csv == """
                invoice_number,customer_id,email,period_start,period_end,line_kind,metric,tier,quantity,unit_price,amount,currency\r
                2026-11-u-alice,u-alice,alice@example.com,\(p),base_fee,,,1,99.00,99.00,USD\r
                2026-11-u-alice,u-alice,alice@example.com,\(p),usage,documents,,6,,41.50,USD\r
                2026-11-u-alice,u-alice,alice@example.com,\(p),tier,documents,1,5,7,35.00,USD\r
                2026-11-u-alice,u-alice,alice@example.com,\(p),tier,documents,2,1,6.50,6.50,USD\r
                2026-11-u-carol,u-carol,carol@example.com,\(p),base_fee,,,1,19.00,19.00,USD\r
                2026-11-u-carol,u-carol,carol@example.com,\(p),usage,documents,,3,0.5,1.50,USD\r
                2026-11-u-carol,u-carol,carol@example.com,\(p),minimum,,,1,4.50,4.50,USD\r
                2026-11-u-carol,u-carol,carol@example.com,\(p),discount,,,25.00,-0.1,-2.50,USD\r
                2026-11-u-carol,u-carol,carol@example.com,\(p),tax,,,22.50,0.21,4.73,USD\r

                """)
    }

    @Test func summaryCSVDefusesTextCells() throws {
        let csv = String(decoding: BillingCSVWriter.summary(try sampleRun()), as: UTF8.self)
        #expect(
            csv == """
                customer_id,email,name,plan,invoice_number,subtotal,discount,tax,total,currency\r
                u-alice,alice@example.com,Alice,pro,2026-11-u-alice,140.50,0.00,0.00,140.50,USD\r
                u-carol,carol@example.com,"'=HYPERLINK(""x"")",starter,2026-11-u-carol,25.00,-2.50,4.73,27.23,USD\r

                """)
    }

    @Test func invoicesJSONIsDeterministicWithMoneyAsStrings() throws {
        let run = try sampleRun()
        let json = BillingJSONWriter.invoicesJSON(run)
        #expect(json.hasPrefix("{\n  \"schema_version\": 1,\n  \"plan\": \"plan.yaml\",\n  \"currency\": \"USD\","))
        #expect(json.contains("\"total\": \"27.23\""))
        #expect(json.contains("\"name\": \"=HYPERLINK(\\\"x\\\")\""))
        #expect(json.contains("\"invoices_total\": \"167.73\""))
        #expect(json.contains("\"consistent\": true"))
        #expect(BillingJSONWriter.invoicesJSON(try sampleRun()) == json)
        #expect(json.hasSuffix("}\n"))
    }

    @Test func jsonStringsEscapeControlAndMarkup() {
        var out = ""
        JSONText.appendHTMLSafeString("a\"b\\c\n\u{1}<script>&\u{2028}", to: &out)
        #expect(out == "\"a\\\"b\\\\c\\n\\u0001\\u003cscript\\u003e\\u0026\\u2028\"")
    }

    @Test func viewModelHasFormattedStrings() throws {
        let view = BillingView(try sampleRun(), format: DisplayFormat(zone: .gmt), zoneName: "UTC", jobCap: 1, invoiceFiles: [:])
        #expect(view.grandTotal == "167.73")
        #expect(view.invoices.map(\.number) == ["2026-11-u-alice", "2026-11-u-carol"])
        let alice = view.invoices[0]
        #expect(alice.lines.map(\.label) == ["Base fee", "documents (graduated)", "Tier 1 (1-5)", "Tier 2 (6-10)"])
        #expect(alice.lines.map(\.isSubLine) == [false, false, true, true])
        #expect(view.invoices[1].lines.map(\.label).suffix(2) == ["Discount 10%", "Tax 21%"])
        #expect(view.reconciliation.ok)
        #expect(view.reconciliation.unbilledDocuments == "1")
    }
}

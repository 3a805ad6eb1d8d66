import Foundation
import Testing
@testable import TallyKit

@Suite struct BillingWriterTests {
    static let users = [
        BillingCustomer(id: "u-alice", email: "alice@example.com", name: "Alice"),
        BillingCustomer(id: "u-carol", email: "carol@example.com", name: "=HYPERLINK(\"x\")"),
    ]

    func sampleFiles() throws -> [String: String] {
        let window = BillingHarness.window([("u-alice", BillingUsage(documents: 6)), ("u-carol", BillingUsage(documents: 3))])
        return try BillingHarness.files(
            try invoicePlan(), [PeriodInput(period: novemberPeriod, window: window)], users: Self.users, zone: "UTC")
    }

    @Test func invoicesCSVHasOneRowPerLineThatAddUpToTheTotal() throws {
        let csv = try #require(try sampleFiles()["invoices.csv"])
        let p = "2026-11,2026-10-31T23:00:00Z,2026-11-30T23:00:00Z,2026-11-01,2026-11-30"
        #expect(
            csv == """
                invoice_number,status,customer_id,email,period_label,period_start,period_end,period_start_local,period_end_local,line,line_kind,metric,model,quantity,unit_price,amount,currency\r
                2026-11-u-alice,final,u-alice,alice@example.com,\(p),1,base_fee,,,1,99.00,99.00,USD\r
                2026-11-u-alice,final,u-alice,alice@example.com,\(p),2,usage,documents,graduated,6,,41.50,USD\r
                2026-11-u-carol,final,u-carol,carol@example.com,\(p),1,base_fee,,,1,19.00,19.00,USD\r
                2026-11-u-carol,final,u-carol,carol@example.com,\(p),2,usage,documents,per_unit,3,0.5,1.50,USD\r
                2026-11-u-carol,final,u-carol,carol@example.com,\(p),3,minimum,,,1,4.50,4.50,USD\r
                2026-11-u-carol,final,u-carol,carol@example.com,\(p),4,discount,,,25.00,-0.1,-2.50,USD\r
                2026-11-u-carol,final,u-carol,carol@example.com,\(p),5,tax,,,22.50,0.21,4.73,USD\r

                """)
    }

    @Test func breakdownCSVHoldsTheTiersWithExactAmounts() throws {
        let csv = try #require(try sampleFiles()["invoice_breakdown.csv"])
        #expect(
            csv == """
                invoice_number,line,metric,tier,range,quantity,unit_price,flat_fee,exact_amount,currency\r
                2026-11-u-alice,2,documents,1,1-5,5,7,0.00,35.00,USD\r
                2026-11-u-alice,2,documents,2,6-10,1,6.50,0.00,6.50,USD\r

                """)
    }

    @Test func summaryCSVDefusesTextCells() throws {
        let csv = try #require(try sampleFiles()["billing_summary.csv"])
        #expect(
            csv == """
                customer_id,email,name,billing_name,plan,invoice_number,status,period_label,period_start_local,period_end_local,issue_date,due_date,subtotal,discount,tax,total,adjustments,adjusted_total,currency\r
                u-alice,alice@example.com,Alice,Alice,pro,2026-11-u-alice,final,2026-11,2026-11-01,2026-11-30,2026-12-01,2026-12-01,140.50,0.00,0.00,140.50,0.00,140.50,USD\r
                u-carol,carol@example.com,"'=HYPERLINK(""x"")","'=HYPERLINK(""x"")",starter,2026-11-u-carol,final,2026-11,2026-11-01,2026-11-30,2026-12-01,2026-12-01,25.00,-2.50,4.73,27.23,0.00,27.23,USD\r

                """)
        #expect(try sampleFiles()["adjustments.csv"] == "note_number,original_invoice_number,customer_id,kind,amount,currency\r\n")
    }

    @Test func invoicesJSONIsDeterministicWithMoneyAsStrings() throws {
        let json = try #require(try sampleFiles()["invoices.json"])
        #expect(json.hasPrefix("{\n  \"schema_version\": 2,\n  \"plan\": \"plan.yaml\",\n  \"currency\": \"USD\","))
        #expect(json.contains("\"total\": \"27.23\""))
        #expect(json.contains("\"status\": \"final\""))
        #expect(json.contains("\"name\": \"=HYPERLINK(\\\"x\\\")\""))
        #expect(json.contains("\"invoices_total\": \"167.73\""))
        #expect(json.contains("\"consistent\": true"))
        #expect(try sampleFiles()["invoices.json"] == json)
        #expect(json.hasSuffix("}\n"))
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect((parsed?["invoices"] as? [Any])?.count == 2)
        #expect((parsed?["periods"] as? [[String: Any]])?.first?["status"] as? String == "final")
    }

    @Test func emptyRunIsValidJSON() throws {
        let files = try BillingHarness.files(try invoicePlan(), [PeriodInput(period: novemberPeriod, window: BillingHarness.window([]))])
        let json = try #require(files["invoices.json"])
        #expect(json.contains("\"invoices\": [],\n  \"periods\": ["))
        #expect((try JSONSerialization.jsonObject(with: Data(json.utf8))) is [String: Any])
    }

    @Test func jsonStringsEscapeControlAndMarkup() {
        var out: [UInt8] = []
        JSONText.appendHTMLSafeString("a\"b\\c\n\u{1}<script>&\u{2028}\u{2029}\u{2027}\u{20AC}\u{E2}\u{1F}", to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "\"a\\\"b\\\\c\\n\\u0001\\u003cscript\\u003e\\u0026\\u2028\\u2029\u{2027}\u{20AC}\u{E2}\\u001f\"")
        // The upstream's own spelling (the endpoint's bytes) escapes none of the markup.
        #expect(JSONText.quoted("<a>&\u{2028}\n") == "\"<a>&\u{2028}\\n\"")
    }

    @Test func viewModelHasFormattedStrings() throws {
        let invoice = InvoiceBuilder(plan: try invoicePlan()).invoice(
            number: "2026-11-u-alice", customer: Self.users[0], usage: BillingUsage(documents: 6), period: novemberPeriod)
        let format = BillingFormat(display: DisplayFormat(zone: .gmt), zoneName: "UTC")
        let view = InvoiceView(invoice, file: "invoices/x.html", notes: [], format: format)
        #expect(view.total == "140.50")
        #expect(view.lines.map(\.label) == ["Base fee", "documents (graduated)", "Tier 1 (1-5)", "Tier 2 (6-10)"])
        #expect(view.lines.map(\.isSubLine) == [false, false, true, true])
        #expect(view.billTo.name == "Alice")
    }
}

import Foundation
import Testing
@testable import TallyKit

/// `customers_file`: a CSV of customers' terms, checked and read as a stream.
@Suite struct CustomersFileTests {
    let dir = NSTemporaryDirectory() + "tally-customers-\(UUID().uuidString)"

    init() throws { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }

    /// The valid plan with a customers file holding `csv`.
    func plan(_ csv: String) throws -> (Plan, String) {
        let file = dir + "/customers.csv"
        try Data(csv.utf8).write(to: URL(fileURLWithPath: file))
        let path = dir + "/plan.yaml"
        try Data((validPlanYAML + "customers_file: customers.csv\n").utf8).write(to: URL(fileURLWithPath: path))
        return (try PlanLoader.load(path: path), file)
    }

    @Test func rowsAreCheckedCountedAndMatched() throws {
        let (plan, file) = try plan(
            "\u{FEFF}customer,plan,discount_percent,tax_percent,billing_name,address,tax_id\r\n"
                + "u-1,pro,5,,\"Acme, Inc.\",\"1 Road\nSpringfield\",US-1\r\n"
                + "Bob@Example.com,starter,,7.5,,,\r\n\r\n"
                + "u-3,pro,,,,,\r\n")
        #expect(plan.customersFileRows == 3)
        #expect(PlanLoader.summaryLine(plan).hasSuffix(": ok (2 plans, 5 customers, USD)"))
        let read = try CustomersFile.terms(file, plan: plan) { $0 != "u-3" }
        #expect(read.unmatched == 1 && read.examples == ["u-3"])
        #expect(read.terms.map(\.key) == ["u-1", "Bob@Example.com"])
        #expect(read.terms[0].billTo == BillingParty(name: "Acme, Inc.", address: ["1 Road", "Springfield"], taxID: "US-1"))
        #expect(read.terms[0].discountPercent == dec("5") && read.terms[1].taxPercent == dec("7.5"))
        let builder = InvoiceBuilder(plan: plan, more: read.terms)
        #expect(builder.pricePlan(for: BillingCustomer(id: "x", email: "bob@example.com")).name == "starter")
        #expect(builder.terms(for: BillingCustomer(id: "x", email: "bob@example.com"))?.taxPercent == dec("7.5"))
        #expect(builder.pricePlan(for: BillingCustomer(id: "u-1")).name == "pro")
    }

    @Test func everyBadRowIsReportedWithItsLine() throws {
        let csv = """
            customer,plan,discount_percent
            u-1,pro,5
            u-2,gold,
            u-3,pro,150
            ,pro,
            U-1,pro,
            alice@example.com,starter,
            "u-7,pro,

            """
        #expect(throws: FileProblems.self) { try plan(csv) }
        do {
            _ = try plan(csv)
        } catch let problems as FileProblems {
            let file = dir + "/customers.csv"
            #expect(problems.lines == [
                "\(file):3: no plan named 'gold' (plans: starter, pro)",
                "\(file):4: discount_percent '150' is not a percent from 0 to 100 such as 19 or 7.5",
                "\(file):5: no customer (a user id or email)",
                "\(file):6: customer 'U-1' is also given on line 2",
                "\(file):7: customer 'alice@example.com' is also given under customers in the plan",
                "\(file):8: a quoted field is never closed",
            ])
        }
    }

    @Test func theHeaderNamesKnownColumns() throws {
        for (csv, message) in [
            ("customer,plan,discount\n", "unknown column 'discount'"), ("customer,discount_percent\n", "the header has no 'plan' column"),
            ("", "the customers file is empty"),
        ] {
            do {
                _ = try plan(csv)
                Issue.record("accepted \(csv)")
            } catch let problems as FileProblems {
                #expect(problems.lines.count == 1 && problems.lines[0].contains(message), "\(problems.lines)")
            }
        }
    }

    @Test func aMissingFileCannotBeOpened() throws {
        let path = dir + "/plan.yaml"
        try Data((validPlanYAML + "customers_file: nowhere.csv\n").utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: TallyError.self) { try PlanLoader.load(path: path) }
    }
}

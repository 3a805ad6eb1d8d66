import Foundation
import Testing

/// A small billing history made by the tests: three customers with jobs completed in
/// September, October and November 2026 (UTC), a plan billing them monthly, and a ledger path.
struct LedgerFixture {
    let dir: TempDir
    let history: String
    let plan: String
    let ledger: String

    static let alice = "aaaaaaaa-0000-4000-8000-000000000001"
    static let bob = "bbbbbbbb-0000-4000-8000-000000000002"
    static let carol = "cccccccc-0000-4000-8000-000000000003"

    /// Writes the history and the plan into `dir`.
    init(_ dir: TempDir, grace: String = "0", extraPlan: String = "") throws {
        self.dir = dir
        history = dir("history.sqlite")
        try sqlite(history, Self.schema + Self.users + Self.jobs.joined(separator: "\n"))
        plan = dir.write(
            "plan.yaml",
            """
            currency: EUR
            timezone: UTC
            default_plan: starter
            tax_percent: "19"
            billing_period: month
            grace_period: "\(grace)"
            payment_terms: 14d
            issuer:
              name: Docproc GmbH
              address: ["Beispielstraße 1", "10115 Berlin"]
              tax_id: DE123456789
              contact: billing@docproc.example
            plans:
              starter:
                base_fee: "10.00"
                charges:
                  - { metric: documents, model: per_unit, unit_price: "0.25" }
              pro:
                base_fee: "50.00"
                charges:
                  - metric: documents
                    model: graduated
                    tiers:
                      - { up_to: 10, unit_price: "0" }
                      - { up_to: null, unit_price: "0.125" }
            customers:
              "alice@example.com": { plan: pro, discount_percent: "5", billing_name: "Alice Ltd", address: "1 Main St" }
            \(extraPlan)
            """)
        ledger = dir("ledger.sqlite")
    }

    static let schema = jobsTableSQL + """
        CREATE TABLE users (id TEXT PRIMARY KEY, email TEXT, password_hash TEXT, full_name TEXT, is_active INTEGER,
          is_verified INTEGER, created_at TEXT, updated_at TEXT);

        """

    static let users = """
        INSERT INTO users VALUES ('\(alice)','alice@example.com','x','Alice',1,1,'2026-01-01T00:00:00Z',NULL);
        INSERT INTO users VALUES ('\(bob)','bob@example.com','x','Bob',1,1,'2026-01-01T00:00:00Z',NULL);
        INSERT INTO users VALUES ('\(carol)','carol@example.com','x','Carol',1,1,'2026-01-01T00:00:00Z',NULL);

        """

    /// One completed job: `n` makes its id, `completed` its completion day (created an hour before).
    static func job(_ n: Int, _ user: String, documents: Int, completed: String) -> String {
        let id = String(format: "10000000-0000-4000-8000-%012d", n)
        return "INSERT INTO jobs VALUES('\(id)','\(user)','batch','completed',\(documents),\(documents),0,NULL,NULL,"
            + "'\(completed)T09:00:00Z','\(completed)T10:00:00Z','\(completed)T09:00:00Z','\(completed)T10:00:00Z');"
    }

    static let jobs = [
        job(1, alice, documents: 40, completed: "2026-09-10"), job(2, bob, documents: 7, completed: "2026-09-12"),
        job(3, alice, documents: 25, completed: "2026-10-03"), job(4, alice, documents: 12, completed: "2026-10-21"),
        job(5, bob, documents: 9, completed: "2026-10-15"), job(6, carol, documents: 2, completed: "2026-10-30"),
        job(7, alice, documents: 5, completed: "2026-11-05"), job(8, bob, documents: 3, completed: "2026-11-18"),
    ]

    /// `tally report` of `period` as of `asOf` into `out`, with the plan and (unless `ledger` is false) the ledger.
    func arguments(out: String, period: String, asOf: String, ledger: Bool = true, _ extra: [String] = []) -> [String] {
        ["report", history, "--out", out, "--period", period, "--as-of", asOf, "--plan", plan]
            + (ledger ? ["--ledger", self.ledger] : []) + extra
    }

    /// Runs a report that must succeed.
    @discardableResult
    func run(out: String, period: String, asOf: String, ledger: Bool = true, _ extra: [String] = [],
             sourceLocation: SourceLocation = #_sourceLocation) throws -> RunResult {
        let result = try Tally.run(arguments(out: out, period: period, asOf: asOf, ledger: ledger, extra))
        #expect(result.status == 0, "exit \(result.status): \(result.stderr)", sourceLocation: sourceLocation)
        return result
    }

    /// The ledger's entries as `tally ledger list` prints them, without the header.
    func entries() throws -> [[String]] {
        let result = try Tally.run(["ledger", "list", ledger])
        #expect(result.status == 0, "\(result.stderr)")
        return result.out.split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    /// Adds a job to the history (a late arrival).
    func add(_ sql: String) throws { try sqlite(history, sql) }
}

/// The rows of a CSV file we wrote ourselves (no quoted commas in these fixtures), header first.
func csvRows(_ path: String) -> [[String]] {
    text(path).split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
}

/// One column of a CSV file's rows, by header name.
func column(_ name: String, of rows: [[String]]) -> [String] {
    guard let header = rows.first, let index = header.firstIndex(of: name) else { return [] }
    return rows.dropFirst().map { $0[index] }
}

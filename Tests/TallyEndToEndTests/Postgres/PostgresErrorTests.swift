import Foundation
import Testing

/// A database that cannot be read is one line on stderr and exit 66, and no
/// password tally was given ever appears: not in errors, logs or reports.
@Suite(.enabled(if: PostgresServer.enabled, "no PostgreSQL server programs (apt-get install postgresql)"))
struct PostgresErrorTests {
    let dir = TempDir()
    /// The reader role's password: percent-encoded in URIs (`@` is `%40`).
    static let password = "Sekrit-7f3a9@x"
    static let encoded = "Sekrit-7f3a9%40x"

    /// A loaded database and a role `reader_<db>` with `password` and no privileges yet.
    private func database(_ server: PostgresServer) throws -> (name: String, role: String) {
        let sqlite = try dir.sample(jobs: 120, users: 3, formats: [.sqlite]) + "/history.sqlite"
        let name = try server.load(sqlite, prefix: "err")
        let role = "reader_\(name)"
        try server.psql(name, "CREATE ROLE \(role) LOGIN PASSWORD '\(Self.password)'")
        return (name, role)
    }

    /// Checks the run failed with exit 66 and one line naming `what`, with no password in any output.
    private func expectFailure(_ run: RunResult, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(run.status == 66, "\(run.stderr)", sourceLocation: sourceLocation)
        #expect(run.errorLines.count == 1, "\(run.stderr)", sourceLocation: sourceLocation)
        #expect(run.stderr.contains(what), "\(run.stderr)", sourceLocation: sourceLocation)
        expectNoPassword(run.stderr + run.out, sourceLocation: sourceLocation)
    }

    private func expectNoPassword(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for secret in [Self.password, Self.encoded, "wrong-horse-42", "Sekrit"] {
            #expect(!text.contains(secret), "a password was printed: \(text)", sourceLocation: sourceLocation)
        }
    }

    @Test func wrongPasswordInTheURIOrTheEnvironment() throws {
        let server = try PostgresServer.require()
        let (name, role) = try database(server)
        let wrong = server.uri(name, user: role, password: "wrong-horse-42")
        expectFailure(try Tally.run(["stats", wrong, "--user", "alice@example.com"]), "password authentication failed")
        let bare = server.uri(name, user: role)
        let viaEnvironment = try Tally.run(["stats", bare, "--user", "alice@example.com"], environment: ["PGPASSWORD": "wrong-horse-42"])
        expectFailure(viaEnvironment, "password authentication failed")
    }

    @Test func unreachableServers() throws {
        expectFailure(
            try Tally.run(["stats", "postgresql://tally:wrong-horse-42@/db?host=/nonexistent-tally-socket", "--user", "a"]),
            "cannot connect")
        expectFailure(try Tally.run(["stats", "postgres://tally:wrong-horse-42@127.0.0.1:1/db", "--user", "a"]), "cannot connect")
    }

    @Test func aDatabaseWithoutTheTables() throws {
        let server = try PostgresServer.require()
        let empty = try server.createDatabase("empty")
        expectFailure(try Tally.run(["report", server.uri(empty), "--out", dir("out"), "--quiet"]), "no jobs table")
        #expect(!FileManager.default.fileExists(atPath: dir("out")))
    }

    @Test func aRoleWithoutSelectThenWithTheDocumentedGrants() throws {
        let server = try PostgresServer.require()
        let (name, role) = try database(server)
        let uri = server.uri(name, user: role, password: Self.encoded)
        expectFailure(try Tally.run(["stats", uri, "--all-users", "--out", dir("stats")]), "permission denied for table")
        // docs/postgresql.md: the read-only role's grants (users by column: never password_hash).
        try server.psql(name, """
            GRANT USAGE ON SCHEMA public TO \(role); GRANT SELECT ON jobs, documents TO \(role);
            GRANT SELECT (id, email, full_name, is_active) ON users TO \(role)
            """)
        let arguments = ["--period", "2026-11", "--as-of", "2026-11-29T00:00:00Z", "--jobs", "3"]
        let ok = try Tally.run(["report", uri, "--out", dir("report"), "--log-level", "debug"] + arguments)
        #expect(ok.status == 0, "\(ok.stderr)")
        let superuser = try Tally.run(["report", server.uri(name), "--out", dir("superuser"), "--quiet"] + arguments)
        #expect(superuser.status == 0)
        #expect(try directoryBytes(dir("report"))["usage_by_customer.csv"] == directoryBytes(dir("superuser"))["usage_by_customer.csv"])
        #expect(try directoryBytes(dir("report"))["jobs.csv"] == directoryBytes(dir("superuser"))["jobs.csv"])
        expectNoPassword(ok.stderr)
        for (file, bytes) in try directoryBytes(dir("report")) {
            #expect(!String(decoding: bytes, as: UTF8.self).contains(Self.password), "\(file) holds the password")
            #expect(!String(decoding: bytes, as: UTF8.self).contains(Self.encoded), "\(file) holds the password")
        }
        let html = String(decoding: try Data(contentsOf: URL(fileURLWithPath: dir("report/usage.html"))), as: UTF8.self)
        #expect(html.contains("postgresql://\(role)@/\(name)?host="), "the Sources table names the database without the password")
    }

    @Test func passwordsFromAPassFileAndAServiceFile() throws {
        let server = try PostgresServer.require()
        let (name, role) = try database(server)
        try server.psql(name, "GRANT SELECT ON users, jobs, documents TO \(role)")
        let passfile = dir.write("pgpass", "*:*:*:\(role):\(Self.password.replacingOccurrences(of: ":", with: "\\:"))\n")
        chmod(passfile, 0o600)
        let viaPassFile = try Tally.run(["stats", server.uri(name, user: role), "--user", "alice@example.com"], environment: ["PGPASSFILE": passfile])
        #expect(viaPassFile.status == 0, "\(viaPassFile.stderr)")
        let services = dir.write("services", "[tally_test]\nhost=\(server.root)\ndbname=\(name)\nuser=\(role)\npassword=\(Self.password)\n")
        let viaService = try Tally.run(["stats", "service=tally_test", "--user", "alice@example.com"], environment: ["PGSERVICEFILE": services])
        #expect(viaService.status == 0, "\(viaService.stderr)")
        #expect(viaService.stdout == viaPassFile.stdout)
        let failing = try Tally.run(["stats", "service=tally_test", "--user", "nobody@example.com"], environment: ["PGSERVICEFILE": services])
        #expect(failing.status == 66)
        expectNoPassword(failing.stderr)
    }
}

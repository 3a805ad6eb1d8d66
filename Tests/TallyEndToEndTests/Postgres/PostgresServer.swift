import Foundation
import Testing

/// A throwaway PostgreSQL server for the tests: one per test process, databases per test.
///
/// `initdb` into a temporary directory, a Unix socket there and no TCP, run as
/// the `postgres` OS user (via `runuser`) when the tests run as root, as CI
/// does. It is stopped at process exit; a watchdog in its own session stops it
/// too if the test process dies without exiting. The superuser `tally` is
/// trusted; every other role must give its SCRAM password.
///
/// When the server programs are missing the tests skip, unless
/// `TALLY_REQUIRE_REAL_COMPONENTS=1` (`.ci/run`), when they fail.
final class PostgresServer: @unchecked Sendable {
    /// The shared server, started on first use; `nil` with `unavailableReason` when it cannot run.
    static let shared: PostgresServer? = {
        do {
            let server = try PostgresServer()
            atexit { PostgresServer.shared?.stop() }
            return server
        } catch {
            startFailure = "\(error)"
            return nil
        }
    }()
    nonisolated(unsafe) private static var startFailure = ""

    /// Whether the tests must fail rather than skip without a server.
    static let required = ProcessInfo.processInfo.environment["TALLY_REQUIRE_REAL_COMPONENTS"] == "1"

    /// Whether the PostgreSQL tests run: a server program exists, or it is required (then missing fails).
    static let enabled = required || binDirectory != nil

    /// The running server, or a test failure explaining why there is none.
    static func require(sourceLocation: SourceLocation = #_sourceLocation) throws -> PostgresServer {
        try #require(shared, "no PostgreSQL server for the tests: \(binDirectory == nil ? "initdb/pg_ctl not found (apt-get install postgresql)" : startFailure)", sourceLocation: sourceLocation)
    }

    /// The directory holding `initdb` and `pg_ctl`: `$PG_BINDIR`, Debian's newest `/usr/lib/postgresql/N/bin`, or `PATH`.
    static let binDirectory: String? = {
        let fm = FileManager.default
        if let given = ProcessInfo.processInfo.environment["PG_BINDIR"], fm.isExecutableFile(atPath: given + "/pg_ctl") { return given }
        let versions = ((try? fm.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []).compactMap(Int.init).sorted()
        for version in versions.reversed() where fm.isExecutableFile(atPath: "/usr/lib/postgresql/\(version)/bin/initdb") {
            return "/usr/lib/postgresql/\(version)/bin"
        }
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        where fm.isExecutableFile(atPath: "\(directory)/initdb") && fm.isExecutableFile(atPath: "\(directory)/pg_ctl") {
            return String(directory)
        }
        return nil
    }()

    /// The temporary directory: `data/`, the socket, the log.
    let root: String
    private let bin: String
    private let asPostgres: Bool
    private let lock = NSLock()
    private var stopped = false

    private init() throws {
        guard let bin = Self.binDirectory else { throw Failure("initdb/pg_ctl not found") }
        self.bin = bin
        asPostgres = geteuid() == 0
        root = "/tmp/tally-pg-\(UUID().uuidString.prefix(8).lowercased())"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        if asPostgres { try Self.shell(["chown", "postgres:", root]) }
        try server([bin + "/initdb", "-D", root + "/data", "-U", "tally", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"])
        let hba = "local all tally trust\nlocal all all scram-sha-256\n"
        try server(["sh", "-c", "printf '\(hba)' > \(root)/data/pg_hba.conf"])
        let options = "-c listen_addresses='' -k \(root) -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        try control("-o \"\(options)\" -l \(root)/log -w -t 60 start")
        startWatchdog()
    }

    /// Stops the server and removes its directory (once).
    func stop() {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped else { return }
        stopped = true
        try? control("-m immediate -w stop")
        try? FileManager.default.removeItem(atPath: root)
    }

    /// A URI for `database` as `user` (the trusted superuser by default), optionally with a password.
    func uri(_ database: String, user: String = "tally", password: String? = nil) -> String {
        "postgresql://\(user)\(password.map { ":" + $0 } ?? "")@/\(database)?host=\(root)"
    }

    /// A new empty database with a unique name.
    func createDatabase(_ prefix: String = "t") throws -> String {
        let name = "\(prefix)_\(UUID().uuidString.prefix(8).lowercased())"
        try psql("postgres", "CREATE DATABASE \(name)")
        return name
    }

    /// A new database holding the SQLite history at `sqlite` (scripts/pg-sample.sh), in the upstream's types.
    func load(_ sqlite: String, prefix: String = "t") throws -> String {
        let name = try createDatabase(prefix)
        try Self.shell([Tally.packageRoot.path + "/scripts/pg-sample.sh", "--sqlite", sqlite, uri(name)])
        return name
    }

    /// Runs SQL in `database` as the superuser; returns psql's unaligned output.
    @discardableResult
    func psql(_ database: String, _ sql: String) throws -> String {
        try Self.shell(["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", uri(database), "-c", sql])
    }

    /// A watchdog in its own session: stops the server when this process is gone.
    private func startWatchdog() {
        let stop = (asPostgres ? "runuser -u postgres -- " : "") + "\(bin)/pg_ctl -D \(root)/data -m immediate stop"
        let script = "while kill -0 \(getpid()) 2>/dev/null; do sleep 1; done; \(stop) >/dev/null 2>&1; rm -rf \(root)"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
        process.arguments = ["sh", "-c", script]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try? process.run()
    }

    /// Runs `pg_ctl -D data <arguments>` (as `postgres` when root) through `system()`.
    ///
    /// Not `Process`: on Linux it learns of a child's exit when a pipe the child
    /// inherited closes, and the server `pg_ctl start` leaves behind keeps it open.
    private func control(_ arguments: String) throws {
        let command = (asPostgres ? "runuser -u postgres -- " : "") + "\(bin)/pg_ctl -D \(root)/data \(arguments) >>\(root)/ctl.log 2>&1"
        let status = system(command)
        guard status == 0 else {
            let log = (try? String(contentsOfFile: root + "/ctl.log", encoding: .utf8)) ?? ""
            throw Failure("pg_ctl \(arguments): status \(status): \(log)")
        }
    }

    /// Runs a server program, as `postgres` when root.
    private func server(_ arguments: [String]) throws {
        try Self.shell(asPostgres ? ["runuser", "-u", "postgres", "--"] + arguments : arguments)
    }

    /// Runs a program; returns its standard output, throws with its standard error when it fails.
    @discardableResult
    static func shell(_ arguments: [String], environment: [String: String] = [:]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        // Files, not pipes: `pg_ctl start` leaves the server holding whatever it inherited open.
        let base = NSTemporaryDirectory() + "tally-pg-shell-\(UUID().uuidString)"
        for path in [base + ".out", base + ".err"] { _ = FileManager.default.createFile(atPath: path, contents: nil) }
        defer { for path in [base + ".out", base + ".err"] { unlink(path) } }
        process.standardOutput = FileHandle(forWritingAtPath: base + ".out")
        process.standardError = FileHandle(forWritingAtPath: base + ".err")
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let output = (try? Data(contentsOf: URL(fileURLWithPath: base + ".out"))) ?? Data()
        let errors = (try? Data(contentsOf: URL(fileURLWithPath: base + ".err"))) ?? Data()
        guard process.terminationStatus == 0 else {
            throw Failure("\(arguments.joined(separator: " ")): exit \(process.terminationStatus): \(String(decoding: errors, as: UTF8.self))")
        }
        return String(decoding: output, as: UTF8.self)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}

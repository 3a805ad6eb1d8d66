import Foundation
import Testing

/// What one run of the `tally` binary produced.
struct RunResult: Sendable {
    /// The exit status (or 128 + signal when killed by a signal).
    var status: Int32
    /// Everything written to standard output.
    var stdout: [UInt8]
    /// Everything written to standard error, as text.
    var stderr: String
    /// Whether the harness had to kill the run at its timeout.
    var timedOut: Bool

    /// Standard output as text.
    var out: String { String(decoding: stdout, as: UTF8.self) }
    /// The non-empty lines of standard error.
    var errorLines: [Substring] { stderr.split(separator: "\n") }
    /// The lines of standard error without the timestamp and run id that start each
    /// log line off a terminal (`2026-11-30T01:15:00.123Z [1f0c9a7e] tally: …` → `tally: …`).
    var messages: [String] { errorLines.map { String($0.replacing(LogLine.stamp, with: "", maxReplacements: 1)) } }
}

/// The shape of tally's log lines.
enum LogLine {
    /// The prefix of a stamped text line: RFC 3339 UTC time with milliseconds, then the run id.
    static var stamp: Regex<Substring> { #/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z \[[0-9a-f]{8}\] /# }
}

/// Runs the built `tally` executable the way argument-parser's TestHelpers do: a child
/// process, stdout and stderr captured, with a timeout.
enum Tally {
    /// The package root, found from this file's path.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `tally` binary: `TALLY_BINARY`, else next to the test bundle, else
    /// `.build/debug/tally`; built with `swift build --product tally` when missing.
    static let binary: String = locate()

    private static func locate() -> String {
        if let given = ProcessInfo.processInfo.environment["TALLY_BINARY"], !given.isEmpty { return given }
        var directories: [URL] = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
        if let first = CommandLine.arguments.first {
            directories.append(URL(fileURLWithPath: first).deletingLastPathComponent())
        }
        directories.append(packageRoot.appendingPathComponent(".build/debug"))
        let candidates = directories.map { $0.appendingPathComponent("tally").path }
        if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) { return found }
        let build = Process()
        build.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        build.arguments = ["swift", "build", "--product", "tally"]
        build.currentDirectoryURL = packageRoot
        try? build.run()
        build.waitUntilExit()
        return packageRoot.appendingPathComponent(".build/debug/tally").path
    }

    /// Runs `tally` with `arguments` (in `directory`, else the current one) and waits (at most `timeout` seconds).
    static func run(
        _ arguments: [String], environment: [String: String] = [:], stdin: [UInt8]? = nil, directory: String? = nil,
        timeout: Double = 60
    ) throws -> RunResult {
        let child = try Child(arguments, environment: environment, stdin: stdin, directory: directory)
        return child.wait(timeout: timeout)
    }
}

/// A running `tally` process whose output goes to temporary files (no pipe can fill up).
final class Child: @unchecked Sendable {
    let process = Process()
    private let outPath: String
    private let errPath: String
    /// Standard input when it is a pipe kept open (`holdingInputOpen`): closed by `wait`.
    private let inputPipe: Pipe?

    /// Starts `tally` with `arguments`; `environment` adds to (or overrides) the current one.
    /// `holdingInputOpen`: standard input is a pipe that gives nothing and never ends until `wait`.
    init(
        _ arguments: [String], environment: [String: String] = [:], stdin: [UInt8]? = nil, holdingInputOpen: Bool = false,
        directory: String? = nil
    ) throws {
        let base = NSTemporaryDirectory() + "tally-e2e-io-\(UUID().uuidString)"
        outPath = base + ".out"
        errPath = base + ".err"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: Tally.binary)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "TALLY_FAIL_WRITES")
        env.removeValue(forKey: "TALLY_TEST_PAUSE_AFTER_SCAN")
        env.removeValue(forKey: "TALLY_TEST_PAUSE_IN_LEDGER")
        env.removeValue(forKey: "TALLY_TEST_PAUSE_AT_STEP")
        env.removeValue(forKey: "TALLY_TEST_PAUSE_IN_READ")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardOutput = FileHandle(forWritingAtPath: outPath)
        process.standardError = FileHandle(forWritingAtPath: errPath)
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        inputPipe = holdingInputOpen ? Pipe() : nil
        if let inputPipe {
            process.standardInput = inputPipe
        } else if let stdin {
            let inPath = base + ".in"
            _ = FileManager.default.createFile(atPath: inPath, contents: Data(stdin))
            process.standardInput = FileHandle(forReadingAtPath: inPath)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
    }

    /// The process id.
    var pid: Int32 { process.processIdentifier }

    /// Sends a signal.
    func signal(_ signo: Int32) { kill(process.processIdentifier, signo) }

    /// Waits for the exit (killing the process after `timeout` seconds) and collects the output.
    func wait(timeout: Double = 60) -> RunResult {
        let deadline = Date().addingTimeInterval(timeout)
        var timedOut = false
        while process.isRunning {
            if Date() > deadline {
                timedOut = true
                process.terminate()
                process.waitUntilExit()
                break
            }
            usleep(5_000)
        }
        process.waitUntilExit()
        try? inputPipe?.fileHandleForWriting.close()
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        let out = (try? Data(contentsOf: URL(fileURLWithPath: outPath))) ?? Data()
        let err = (try? Data(contentsOf: URL(fileURLWithPath: errPath))) ?? Data()
        for path in [outPath, errPath, outPath.replacingOccurrences(of: ".out", with: ".in")] { unlink(path) }
        return RunResult(status: status, stdout: Array(out), stderr: String(decoding: err, as: UTF8.self), timedOut: timedOut)
    }
}

/// Waits until `condition` holds, polling; fails the test after `timeout` seconds.
func waitUntil(timeout: Double = 30, _ what: String, _ condition: () -> Bool) throws {
    let deadline = Date().addingTimeInterval(timeout)
    while !condition() {
        guard Date() < deadline else {
            Issue.record("timed out waiting for \(what)")
            throw CancellationError()
        }
        usleep(10_000)
    }
}

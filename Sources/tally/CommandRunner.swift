import ArgumentParser
import Foundation
import Logging
import TallyKit

/// Runs a command body and turns tally's errors into stderr lines and a documented exit code:
/// one line per error, or per problem when a plan or config file has several (`FileProblems`).
enum CommandRunner {
    /// Runs `body`, logging an error with `logger` and exiting with its status.
    static func run(logger: Logger, _ body: () throws -> Void) throws {
        try run(logger: { logger }, body)
    }

    /// Runs `body`; errors are logged with the logger `logger()` returns at that moment
    /// (a command may switch to one configured from its config file).
    static func run(logger: () -> Logger, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as any ExitStatusProviding {
            for line in lines(of: error) { logger().error("\(line)") }
            throw ExitCode(error.exitStatus.rawValue)
        }
    }

    /// Runs a check command's `body` and prints the line it returns on stdout; a finding
    /// goes to stderr like every other error (`tally: error: FILE:LINE: …`), one line per problem.
    static func check(_ body: () throws -> String) throws {
        try run(logger: LogSettings().makeLogger()) { print(try body()) }
    }

    /// The lines `error` is reported in: every problem of a file, else its one-line description.
    static func lines(of error: any ExitStatusProviding) -> [String] {
        (error as? FileProblems)?.lines ?? [error.description]
    }

    /// Runs a command that writes output: while `body` runs, SIGINT and SIGTERM only
    /// cancel the `Cancellation` it is given, and the run stops and cleans up on this
    /// thread (exit 130 or 143, the previous output untouched).
    static func runCancellable(logger: () -> Logger, _ body: (Cancellation) throws -> Void) throws {
        let cancellation = Cancellation()
        let watch = SignalWatch(cancellation)
        do {
            try run(logger: logger) { try body(cancellation) }
            watch.end()
        } catch {
            watch.end()
            throw error
        }
    }

    /// Writes bytes to standard output.
    static func writeOut(_ bytes: [UInt8]) {
        FileHandle.standardOutput.write(Data(bytes))
    }

    /// The current time as an `Instant`.
    static func now() -> Instant {
        Instant(microseconds: Int64(Date().timeIntervalSince1970 * 1_000_000))
    }
}

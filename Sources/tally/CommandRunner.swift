import ArgumentParser
import Foundation
import Logging
import TallyKit

/// Runs a command body and turns tally's errors into one stderr line and a documented exit code.
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
            logger().error("\(error.description)")
            throw ExitCode(error.exitStatus.rawValue)
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

import ArgumentParser
import Foundation
import Logging
import TallyKit

/// Runs a command body and turns tally's errors into one stderr line and a documented exit code.
enum CommandRunner {
    static func run(logger: Logger, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as any ExitStatusProviding {
            logger.error("\(error.description)")
            throw ExitCode(error.exitStatus.rawValue)
        }
    }

    /// Writes bytes to standard output.
    static func writeOut(_ bytes: [UInt8]) {
        FileHandle.standardOutput.write(Data(bytes))
    }
}

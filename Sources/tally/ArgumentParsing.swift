import ArgumentParser
import TallyKit

/// Bridges TallyKit's option checks to argument-parser's validation (exit 64 with usage).
enum ArgumentParsing {
    /// Runs a library check, turning its errors into validation errors.
    static func validating<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as any ExitStatusProviding { throw ValidationError(error.description) }
    }
}

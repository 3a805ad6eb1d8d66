import ArgumentParser
import Foundation
import Logging
import TallyKit

/// How a run that did not end normally ends: help, version and completions on stdout
/// (exit 0), and every error as one log line, `tally: error: MESSAGE; HINT`, in the
/// log format and timestamp mode the command line asked for.
enum CommandLineExit {
    /// Exits for an error thrown by parsing or by a command.
    static func exit(with error: any Error, arguments: [String]) -> Never {
        if let code = error as? ExitCode { Foundation.exit(code.rawValue) }  // CommandRunner logged it already
        let status = Tally.exitCode(for: error)
        if status == .success {
            print(HelpText.fullMessage(for: error))
            Foundation.exit(status.rawValue)
        }
        fail(Tally.message(for: error), status: status, arguments: arguments)
    }

    /// Logs `message` (made one line, with the help hint for a usage error) and exits with `status`.
    static func fail(_ message: String, status: ExitCode, arguments: [String]) -> Never {
        var line = oneLine(message)
        if status == .validationFailure, !line.contains("did you mean") {
            line += "; see '\(SubcommandSpelling.commandPath(of: arguments, root: Tally.self)) --help'"
        }
        settings(from: arguments).makeLogger().error("\(line)")
        Foundation.exit(status.rawValue)
    }

    /// argument-parser's message in tally's style: its first line, lower-case start,
    /// `. Did you mean` as `; did you mean`.
    static func oneLine(_ message: String) -> String {
        var line = String(message.split(separator: "\n", omittingEmptySubsequences: true).first ?? "")
            .trimmingCharacters(in: .whitespaces)
        line = line.replacingOccurrences(of: ". Did you mean", with: "; did you mean")
        if let first = line.first, first.isUppercase, line.dropFirst().first?.isLowercase == true {
            line = first.lowercased() + line.dropFirst()
        }
        return line
    }

    /// The log settings the command line asks for, read word by word: the error may be
    /// that the command line does not parse.
    static func settings(from arguments: [String]) -> LogSettings {
        var settings = LogSettings()
        for (index, word) in arguments.enumerated() {
            let (name, inline) = word.hasPrefix("--") && word.contains("=")
                ? (String(word.prefix { $0 != "=" }), String(word.drop { $0 != "=" }.dropFirst()))
                : (word, nil)
            let value = inline ?? (index + 1 < arguments.count ? arguments[index + 1] : nil)
            switch name {
            case "--log-format": settings.format = value.flatMap(LineLogHandler.Format.init(rawValue:)) ?? settings.format
            case "--log-timestamps": settings.timestamps = value.flatMap(LineLogHandler.Timestamps.init(rawValue:)) ?? settings.timestamps
            default: break
            }
        }
        return settings
    }
}

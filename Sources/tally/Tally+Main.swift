import ArgumentParser
import Foundation
import TallyKit

extension Tally {
    /// Parses and runs like argument-parser's `main()`, but reports every failure in tally's
    /// one error style (`CommandLineExit`), and first suggests the nearest subcommand for a
    /// misspelt one (`tally reprot` → `report`).
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let message = SubcommandSpelling.error(in: arguments, root: Tally.self) {
            CommandLineExit.fail(message, status: .validationFailure, arguments: arguments)
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            CommandLineExit.exit(with: error, arguments: arguments)
        }
    }
}

/// Finds the first word that should name a subcommand but names none.
enum SubcommandSpelling {
    /// `unknown subcommand 'reprot'; did you mean 'report'?`, or `nil` when the words are fine.
    static func error(in arguments: [String], root: any ParsableCommand.Type) -> String? {
        var command = root
        for word in arguments {
            let children = command.configuration.subcommands
            guard !children.isEmpty, !word.hasPrefix("-") else { return nil }
            let names = children.flatMap(Self.names)
            if let child = children.first(where: { Self.names(of: $0).contains(word) }) {
                command = child
                continue
            }
            if command == root, word == "help" { return nil }
            guard let nearest = Spelling.nearest(to: word, in: names) else {
                return "unknown subcommand '\(word)' (use one of: \(names.joined(separator: ", ")))"
            }
            return "unknown subcommand '\(word)'; did you mean '\(nearest)'?"
        }
        return nil
    }

    /// The command words at the start of `arguments` (`tally report`, `tally plan check`).
    static func commandPath(of arguments: [String], root: any ParsableCommand.Type) -> String {
        var command = root
        var path = [root._commandName]
        for word in arguments {
            guard let child = command.configuration.subcommands.first(where: { Self.names(of: $0).contains(word) }) else { break }
            command = child
            path.append(child._commandName)
        }
        return path.joined(separator: " ")
    }

    /// A subcommand's name and aliases.
    static func names(of command: any ParsableCommand.Type) -> [String] {
        [command._commandName] + command.configuration.aliases
    }
}

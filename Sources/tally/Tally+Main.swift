import ArgumentParser
import TallyKit

extension Tally {
    /// Parses and runs like argument-parser's `main()`, first suggesting the
    /// nearest subcommand for a misspelt one (`tally reprot` → `report`).
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let message = SubcommandSpelling.error(in: arguments, root: Tally.self) {
            Tally.exit(withError: ValidationError(message))
        }
        main(arguments)
    }
}

/// Finds the first word that should name a subcommand but names none.
enum SubcommandSpelling {
    /// `Unknown subcommand 'reprot'. Did you mean 'report'?`, or `nil` when the words are fine.
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
                return "Unknown subcommand '\(word)' (use one of: \(names.joined(separator: ", ")))."
            }
            return "Unknown subcommand '\(word)'. Did you mean '\(nearest)'?"
        }
        return nil
    }

    /// A subcommand's name and aliases.
    static func names(of command: any ParsableCommand.Type) -> [String] {
        [command._commandName] + command.configuration.aliases
    }
}

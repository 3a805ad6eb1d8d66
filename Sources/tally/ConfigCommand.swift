import ArgumentParser
import TallyKit

/// `tally config`: tools for config files.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Check config files (the defaults for tally report).",
        subcommands: [ConfigCheck.self]
    )
}

/// `tally config check FILE`: validates a config file on its own.
struct ConfigCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a tally config file (YAML).",
        discussion: """
            Prints 'FILE: ok', or every problem in the file, one line each naming the
            line and key, and exits 65 (66 when the file cannot be read). Unknown keys are errors, with the nearest
            valid key suggested. Keys: \(TallyConfig.keys.joined(separator: ", ")).

            EXAMPLES:
              tally config check /etc/tally.yaml
              tally config check "$TALLY_CONFIG"

            \(ExitCodesHelp.text)
            """
    )

    @Argument(help: "The config file to check.", completion: .file(extensions: ["yaml", "yml", "json"]))
    var file: String

    /// Loads the config; prints `FILE: ok` or every problem.
    func run() throws {
        try CommandRunner.check {
            _ = try ConfigLoader.load(path: file)
            return "\(file): ok"
        }
    }
}

import ArgumentParser
import TallyKit

/// `tally plan check FILE`: validates a plan file on its own (meant for a `plan` command group).
struct PlanCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a billing plan file (YAML or JSON).",
        discussion: """
            Prints 'FILE: ok (N plans, N customers, CURRENCY)', or every problem in the
            file, one line each naming the line and key, and exits 65 (66 when the file
            cannot be read). The format is in docs/plan-format.md.

            EXAMPLES:
              tally plan check sample-data/plan.yaml
              tally plan check /etc/tally/plan.yaml && systemctl start tally-billing

            \(ExitCodesHelp.text)
            """
    )

    @Argument(help: "The plan file to check.", completion: .file(extensions: ["yaml", "yml", "json"]))
    var file: String

    /// Loads the plan; prints the summary or every problem.
    func run() throws {
        try CommandRunner.check { PlanLoader.summaryLine(try PlanLoader.load(path: file)) }
    }
}

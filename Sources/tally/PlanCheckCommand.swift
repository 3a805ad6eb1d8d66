import ArgumentParser
import Foundation
import TallyKit

/// `tally plan check FILE`: validates a plan file on its own (meant for a `plan` command group).
struct PlanCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a billing plan file (YAML or JSON).",
        discussion: """
            Prints 'FILE: ok (N plans, N customers, CURRENCY)', or one error naming
            the file, line and key and exits 65. The format is in docs/plan-format.md.

            EXAMPLES:
              tally plan check sample-data/plan.yaml
              tally plan check /etc/tally/plan.yaml && systemctl start tally-billing

            \(ExitCodesHelp.text)
            """
    )

    @Argument(help: "The plan file to check.", completion: .file(extensions: ["yaml", "yml", "json"]))
    var file: String

    /// Loads the plan; prints the summary or the error.
    func run() throws {
        do {
            print(PlanLoader.summaryLine(try PlanLoader.load(path: file)))
        } catch let error as any ExitStatusProviding {
            FileHandle.standardError.write(Data("tally: \(error.description)\n".utf8))
            throw ExitCode(error.exitStatus.rawValue)
        }
    }
}

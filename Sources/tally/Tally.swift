import ArgumentParser
import TallyKit

/// The `tally` command: usage analytics, endpoint stats and invoices from a job history.
@main
struct Tally: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tally",
        abstract: "Turn a document-processing job history into stats, usage reports and invoices.",
        discussion: TallyHelp.root,
        version: TallyVersion.description,
        subcommands: [ReportCommand.self, StatsCommand.self, PlanCommand.self, LedgerCommand.self, ConfigCommand.self, SampleCommand.self]
    )
}

import ArgumentParser

/// `tally plan`: tools for plan files.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Check plan files (prices, tiers, customers).",
        subcommands: [PlanCheck.self]
    )
}

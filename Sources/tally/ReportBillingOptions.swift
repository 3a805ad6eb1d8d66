import ArgumentParser

/// `tally report`'s billing options: the plan that prices usage into invoices, and the
/// ledger that records the final ones.
struct ReportBillingOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "A plan file (YAML or JSON): price usage and write the invoices of its billing periods (default: none).", valueName: "file"),
            completion: .file(extensions: ["yaml", "yml", "json"]))
    var plan: String?

    @Flag(help: "Write no invoices, even when the config file names a plan.")
    var noPlan = false

    @Option(help: ArgumentHelp(
        "The ledger (a SQLite file, created when missing) that records final invoices: numbers them and keeps them unchanged; later differences become adjustment notes (default: none, nothing recorded).",
        valueName: "file"),
            completion: .file(extensions: ["sqlite", "db"]))
    var ledger: String?

    @Flag(inversion: .prefixedNo, help: "Exit 1, writing nothing, instead of issuing adjustment notes for final invoices the history now prices differently (default: --no-fail-on-restatement).")
    var failOnRestatement: Bool?
}

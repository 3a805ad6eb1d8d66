import ArgumentParser

/// `tally report`'s billing options: the plan that prices usage into invoices.
struct ReportBillingOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A plan file (YAML or JSON): price usage and write invoices (default: none).", valueName: "file"),
            completion: .file(extensions: ["yaml", "yml", "json"]))
    var plan: String?
}

/// What the command line of `tally report` said, unparsed; `nil` or empty means "not given".
///
/// Kept apart from the defaults so that a config file can fill in what the
/// command line left out (`ReportOptions.resolve`).
package struct ReportFlags: Sendable, Equatable {
    /// `--config FILE`.
    package var config: String?
    /// Positional sources; non-empty replaces the config's `sources`.
    package var sources: [String] = []
    package var out: String?
    package var period: String?
    package var from: String?
    package var to: String?
    package var tz: String?
    package var asOf: String?
    /// `--user`, repeatable; non-empty replaces the config's `users`.
    package var users: [String] = []
    package var templates: String?
    /// `--format html,csv`.
    package var formats: String?
    package var csvBOM: Bool?
    /// `--paper a4|letter`.
    package var paper: String?
    package var stuckAfter: String?
    package var plan: String?
    /// `--no-plan`: no invoices, whatever the config's `plan` says.
    package var noPlan = false
    /// `--ledger FILE`.
    package var ledger: String?
    /// `--fail-on-restatement`.
    package var failOnRestatement: Bool?
    package var `private`: Bool?
    package var strict: Bool?
    package var jobs: Int?
    /// `--push-down` (`nil`: not given).
    package var pushDown: Bool?
    /// `--log-level`, `--log-format`, `--quiet`.
    package var logging = LogSettings()

    /// Flags with nothing given.
    package init() {}
}

/// What the command line of `tally report` said, unparsed; `nil` or empty means "not given".
///
/// Kept apart from the defaults so that a config file can fill in what the
/// command line left out (`ReportOptions.resolve`).
public struct ReportFlags: Sendable, Equatable {
    /// `--config FILE`.
    public var config: String?
    /// Positional sources; non-empty replaces the config's `sources`.
    public var sources: [String] = []
    public var out: String?
    public var period: String?
    public var from: String?
    public var to: String?
    public var tz: String?
    public var asOf: String?
    /// `--user`, repeatable; non-empty replaces the config's `users`.
    public var users: [String] = []
    public var templates: String?
    /// `--format html,csv`.
    public var formats: String?
    public var csvBOM: Bool?
    public var stuckAfter: String?
    public var plan: String?
    public var `private`: Bool?
    public var strict: Bool?
    public var jobs: Int?
    /// `--log-level`, `--log-format`, `--quiet`.
    public var logging = LogSettings()

    /// Flags with nothing given.
    public init() {}
}

/// Everything `tally stats` was asked to do.
public struct StatsRequest: Sendable {
    /// Source paths (`-` is standard input).
    public var sources: [String]
    /// The user, by id or email (required unless `allUsers`).
    public var user: String?
    /// One file per user in `outDirectory`.
    public var allUsers: Bool
    public var outDirectory: String?
    /// The endpoint's exact view: newest 1000 jobs, anonymous ones included.
    public var apiCompat: Bool
    public var pretty: Bool
    public var strict: Bool
    public var parallelism: Int
    /// Output file mode (0644, or 0600 for `--private`).
    public var fileMode: UInt32

    /// Makes a request.
    public init(
        sources: [String], user: String? = nil, allUsers: Bool = false, outDirectory: String? = nil,
        apiCompat: Bool = false, pretty: Bool = false, strict: Bool = false, parallelism: Int = 1,
        fileMode: UInt32 = 0o644
    ) {
        self.sources = sources
        self.user = user
        self.allUsers = allUsers
        self.outDirectory = outDirectory
        self.apiCompat = apiCompat
        self.pretty = pretty
        self.strict = strict
        self.parallelism = parallelism
        self.fileMode = fileMode
    }
}

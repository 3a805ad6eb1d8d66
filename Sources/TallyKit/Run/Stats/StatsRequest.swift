/// Everything `tally stats` was asked to do.
package struct StatsRequest: Sendable {
    /// Source paths (`-` is standard input).
    package var sources: [String]
    /// The user, by id or email (required unless `allUsers`).
    package var user: String?
    /// One file per user in `outDirectory`.
    package var allUsers: Bool
    package var outDirectory: String?
    /// The endpoint's exact view: newest 1000 jobs, anonymous ones included.
    package var apiCompat: Bool
    package var pretty: Bool
    package var strict: Bool
    /// A cut-short last NDJSON line is a counted skip (`--lenient`), not an error.
    package var lenient = false
    /// Let the database compute the numbers (`--push-down`, `--all-users` on one PostgreSQL source).
    package var pushDown = false
    package var parallelism: Int
    /// Output file mode (0644, or 0600 for `--private`).
    package var fileMode: UInt32

    /// Makes a request.
    package init(
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

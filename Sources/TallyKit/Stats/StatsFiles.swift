/// The per-user stats files: `<user_id>.json` for each user and `index.json`.
package enum StatsFiles {
    /// One file per user known to the sources or owning a job (only `only` when set), plus the index.
    ///
    /// File names are the user ids when they are UUIDs, else a hash (`SafeFileName`). With
    /// `apiCompat`, an inactive user gets no file (the endpoint answers them 403) and is
    /// listed under `inactive_users` in the index instead.
    package static func render(
        _ stats: EndpointStatsAccumulator, users: UserDirectory, only: Set<String>? = nil, pretty: Bool = false,
        apiCompat: Bool = false
    ) -> [RenderedFile] {
        var files: [RenderedFile] = []
        var index: [StatsIndexEntry] = []
        var inactive: [UserRecord] = []
        for id in userIDs(stats, users: users, only: only) {
            if apiCompat, let user = withheld(id, users: users) {
                inactive.append(user)
                continue
            }
            let result = stats.stats(for: id)
            let name = fileName(for: id)
            files.append(RenderedFile(name: name, bytes: EndpointJSON.encode(result, pretty: pretty)))
            index.append(StatsIndexEntry(user: users[id] ?? UserRecord(id: id, email: nil), file: name, totalJobs: result.totalJobs))
        }
        files.append(RenderedFile(name: "index.json", bytes: StatsIndexEntry.encode(index, inactive: inactive, pretty: pretty)))
        return files
    }

    /// The user with `id` when the endpoint refuses them (inactive), else `nil`.
    private static func withheld(_ id: String, users: UserDirectory) -> UserRecord? {
        users[id].flatMap { $0.isActive == false ? $0 : nil }
    }

    private static func userIDs(_ stats: EndpointStatsAccumulator, users: UserDirectory, only: Set<String>?) -> [String] {
        var ids = Set(users.byID.keys).union(stats.userIDsWithJobs)
        if let only { ids.formIntersection(only) }
        return ids.sorted()
    }

    private static func fileName(for id: String) -> String { SafeFileName.forID(id) + ".json" }

    /// Whether a folder holding `names` (and no `.tally-report` marker) is what an earlier
    /// tally wrote with `--all-users`, before it marked its folders: `index.json` and
    /// nothing but `.json` files. Such a folder may be replaced.
    package static func isEarlierOutput(_ names: [String]) -> Bool {
        names.contains("index.json") && names.allSatisfy { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
    }
}

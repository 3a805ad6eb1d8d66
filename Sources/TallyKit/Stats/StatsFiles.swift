/// The per-user stats files: `<user_id>.json` for each user and `index.json`.
package enum StatsFiles {
    /// One file per user known to the sources or owning a job (only `only` when set), plus the index.
    ///
    /// File names are the user ids when they are UUIDs, else a hash (`SafeFileName`).
    package static func render(
        _ stats: EndpointStatsAccumulator, users: UserDirectory, only: Set<String>? = nil, pretty: Bool = false
    ) -> [RenderedFile] {
        var ids = Set(users.byID.keys).union(stats.userIDsWithJobs)
        if let only { ids.formIntersection(only) }
        var files: [RenderedFile] = []
        var index: [StatsIndexEntry] = []
        for id in ids.sorted() {
            let result = stats.stats(for: id)
            let name = SafeFileName.forID(id) + ".json"
            files.append(RenderedFile(name: name, bytes: EndpointJSON.encode(result, pretty: pretty)))
            index.append(StatsIndexEntry(user: users[id] ?? UserRecord(id: id, email: nil), file: name, totalJobs: result.totalJobs))
        }
        files.append(RenderedFile(name: "index.json", bytes: StatsIndexEntry.encode(index, pretty: pretty)))
        return files
    }
}

/// Reads only the users of some sources, to resolve an email before the main scan.
package enum UserPrepass {
    /// Every user in `sources` (last one read wins).
    package static func users(in sources: [any HistorySource]) throws -> UserDirectory {
        var collector = UserCollector()
        for source in sources {
            try source.read(ReadOptions(kinds: [.user]), into: &collector)
        }
        return collector.users
    }
}

/// Keeps the users a source delivers.
private struct UserCollector: RecordVisitor {
    var users = UserDirectory()

    mutating func visit(_ record: HistoryRecord, at location: RecordLocation) throws {
        if case .user(let user) = record { users.add(user) }
    }

    mutating func skip(_ skipped: SkippedRecord) throws {}
}

/// Reads only the users of some sources, to resolve an email before the main scan.
package enum UserPrepass {
    /// Every user in `sources` (last one read wins); a cancelled run stops at its next user.
    package static func users(in sources: [any HistorySource], cancellation: Cancellation? = nil) throws -> UserDirectory {
        var collector = UserCollector(cancellation: cancellation)
        var options = ReadOptions(kinds: [.user])
        options.lenient = true  // a cut last line is the main scan's to judge
        for source in sources {
            try source.read(options, into: &collector)
        }
        return collector.users
    }
}

/// Keeps the users a source delivers.
private struct UserCollector: RecordVisitor {
    var users = UserDirectory()
    let cancellation: Cancellation?

    mutating func visit(_ record: HistoryRecord, at location: RecordLocation) throws {
        try cancellation?.check()
        if case .user(let user) = record { users.add(user) }
    }

    mutating func skip(_ skipped: SkippedRecord) throws {}
}

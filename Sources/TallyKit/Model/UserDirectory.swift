/// Every user the sources know, by id; found by email on demand.
///
/// Grows with the number of users, never with the number of jobs, and compactly: one
/// dictionary entry a user holding the email, name and active flag (the id is the key,
/// not repeated). Looking a user up by email walks the users, which a run does once per
/// `--user` argument, instead of keeping a second, lowercased copy of every email.
package struct UserDirectory: Sendable, Equatable {
    /// What is kept of a user besides the id.
    package struct Entry: Sendable, Equatable {
        package var email: String?
        package var fullName: String?
        package var isActive: Bool?
    }

    /// Users by id.
    package private(set) var byID: [String: Entry] = [:]

    /// Adds or replaces a user (the last one read wins).
    package mutating func add(_ user: UserRecord) {
        byID[user.id] = Entry(email: user.email, fullName: user.fullName, isActive: user.isActive)
    }

    /// Folds in users read later (theirs replace these).
    package mutating func merge(_ later: UserDirectory) {
        if byID.isEmpty {
            byID = later.byID
            return
        }
        byID.merge(later.byID) { _, theirs in theirs }
    }

    /// The user with this id or email (ids and emails compared case-insensitively); of
    /// several users sharing an email, the one with the greatest id.
    package func user(matching idOrEmail: String) -> UserRecord? {
        if let user = self[idOrEmail] { return user }
        let folded = idOrEmail.lowercased()
        if let user = self[folded] { return user }
        var found: String?
        for (id, entry) in byID where entry.email?.lowercased() == folded && found.map({ id > $0 }) ?? true { found = id }
        return found.flatMap { self[$0] }
    }

    /// The user with this id, if known.
    package subscript(id: String) -> UserRecord? {
        guard let index = byID.index(forKey: id) else { return nil }
        let (key, entry) = byID[index]
        return UserRecord(id: key, email: entry.email, fullName: entry.fullName, isActive: entry.isActive)
    }

    /// Number of users.
    package var count: Int { byID.count }
}

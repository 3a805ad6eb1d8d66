/// Every user the sources know, by id and by email.
///
/// Grows with the number of users, never with the number of jobs.
package struct UserDirectory: Sendable, Equatable {
    /// Users by id.
    package private(set) var byID: [String: UserRecord] = [:]
    private var idByEmail: [String: String] = [:]

    /// Adds or replaces a user (the last one read wins).
    package mutating func add(_ user: UserRecord) {
        if let old = byID[user.id], let email = old.email { idByEmail[email.lowercased()] = nil }
        byID[user.id] = user
        if let email = user.email { idByEmail[email.lowercased()] = user.id }
    }

    /// Folds in users read later.
    package mutating func merge(_ later: UserDirectory) {
        for id in later.byID.keys.sorted() { add(later.byID[id]!) }
    }

    /// The user with this id or email (ids and emails compared case-insensitively).
    package func user(matching idOrEmail: String) -> UserRecord? {
        if let user = byID[idOrEmail] { return user }
        let folded = idOrEmail.lowercased()
        if let user = byID[folded] { return user }
        if let id = idByEmail[folded] { return byID[id] }
        return nil
    }

    /// The user with this id, if known.
    package subscript(id: String) -> UserRecord? { byID[id] }

    /// Number of users.
    package var count: Int { byID.count }
}

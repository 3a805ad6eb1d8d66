/// Turns `--user ID_OR_EMAIL` into the user id the scan filters on.
struct UserSelection: Sendable {
    /// The id to tally (or the email itself when no source names its user).
    var id: String
    /// The user's record, when a source has it.
    var record: UserRecord?

    /// Resolves `idOrEmail`; emails need the users of the sources, read first.
    static func resolve(_ idOrEmail: String, sources: [any HistorySource], cancellation: Cancellation? = nil) throws -> UserSelection {
        if !idOrEmail.contains("@") {
            let id = SafeFileName.isUUID(idOrEmail.lowercased()) ? idOrEmail.lowercased() : idOrEmail
            return UserSelection(id: id, record: nil)
        }
        let users = try UserPrepass.users(in: sources, cancellation: cancellation)
        if let user = users.user(matching: idOrEmail) { return UserSelection(id: user.id, record: user) }
        return UserSelection(id: idOrEmail, record: nil)
    }
}

extension UserDirectory {
    /// The known email (when `given` is one) or user id nearest to a misspelt `given`, if one is close:
    /// at most 2 edits, or one in six characters for longer ones (`alice@exampel.com` → `alice@example.com`,
    /// but not `nobody@example.com` → `bob@example.com`).
    ///
    /// - Parameter otherIDs: ids that own jobs without a user record.
    package func nearest(to given: String, otherIDs: some Sequence<String> = [String]()) -> String? {
        let candidates = given.contains("@") ? byID.values.compactMap(\.email) : Array(Set(byID.keys).union(otherIDs))
        return Spelling.nearest(to: given, in: candidates.sorted(), maxDistance: max(2, given.count / 6))
    }
}

/// The customers' terms by key: user id first, then email (case-insensitive).
///
/// Built once from the plan's `customers` (and the rows of its `customers_file`
/// that match a user), so a look-up costs two hashes, not a walk of the list.
package struct CustomerIndex: Sendable {
    private var byKey: [String: CustomerTerms] = [:]
    private var byFoldedKey: [String: CustomerTerms] = [:]

    /// The index of `terms`; for a key given twice the first one counts.
    package init(_ terms: [CustomerTerms]) {
        for entry in terms {
            if byKey[entry.key] == nil { byKey[entry.key] = entry }
            let folded = entry.key.lowercased()
            if byFoldedKey[folded] == nil { byFoldedKey[folded] = entry }
        }
    }

    /// The customer's entry: by id first, then by email (case-insensitive).
    package func terms(for customer: BillingCustomer) -> CustomerTerms? {
        if let byID = byKey[customer.id] { return byID }
        guard let email = customer.email?.lowercased(), !email.isEmpty else { return nil }
        return byFoldedKey[email]
    }

    /// Number of distinct keys.
    package var count: Int { byKey.count }
}

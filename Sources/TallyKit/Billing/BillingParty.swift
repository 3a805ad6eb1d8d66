/// Who an invoice is from or to, as printed on it: a name, an address, a tax id and a contact.
package struct BillingParty: Sendable, Equatable, Hashable {
    /// The legal or trading name.
    package var name: String
    /// The postal address, one element per printed line.
    package var address: [String] = []
    /// A VAT or other tax id.
    package var taxID: String?
    /// An email address, phone number or web page for questions about the invoice.
    package var contact: String?

    /// Makes a party; only the name is required.
    package init(name: String, address: [String] = [], taxID: String? = nil, contact: String? = nil) {
        self.name = name
        self.address = address
        self.taxID = taxID
        self.contact = contact
    }

    /// The address as one text, lines joined by newlines (how the ledger stores it).
    package var addressText: String { address.joined(separator: "\n") }

    /// Address text split into its non-empty lines, trimmed.
    package static func lines(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

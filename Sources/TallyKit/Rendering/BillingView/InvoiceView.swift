/// One invoice, printable on its own: who issues it to whom, its period, dates, lines,
/// taxes per rate, and the adjustment notes that correct it.
struct InvoiceView: TemplateModel {
    let number: String
    /// The invoice page, `invoices/<number>.html`, relative to `billing.html`.
    let file: String
    /// `draft` or `final`.
    let status: String
    let isDraft: Bool
    let customerID: String
    let email: String
    let name: String
    let hasEmail: Bool
    let hasName: Bool
    /// The email, else the id.
    let customer: String
    /// What the invoice is made out to.
    let billTo: PartyView
    let plan: String
    let period: BillingPeriodView
    /// `2026-12-01`; empty for a draft.
    let issueDate: String
    let dueDate: String
    let hasIssueDate: Bool
    let hasDueDate: Bool
    /// Every line in order, each charge followed by its tier or package sub-lines.
    let lines: [InvoiceLineView]
    /// Base fee, charges with their sub-lines, minimum top-up: what the subtotal adds up.
    let items: [InvoiceLineView]
    /// Discount and tax: what turns the subtotal into the total.
    let adjustments: [InvoiceLineView]
    /// Tax per rate with the amount it is charged on.
    let taxes: [TaxRateView]
    let subtotal: String
    let discount: String
    let tax: String
    let total: String
    let hasDiscount: Bool
    let hasTax: Bool
    /// Adjustment notes correcting this invoice, oldest first.
    let notes: [NoteLinkView]
    let hasNotes: Bool
    /// The total with every note's amount added.
    let adjustedTotal: String

    func child(named name: String) -> Any? {
        switch name {
        case "number": number
        case "file": file
        case "status": status
        case "isDraft": isDraft
        case "customerID": customerID
        case "email": email
        case "name": self.name
        case "hasEmail": hasEmail
        case "hasName": hasName
        case "customer": customer
        case "billTo": billTo
        case "plan": plan
        case "period": period
        case "issueDate": issueDate
        case "dueDate": dueDate
        case "hasIssueDate": hasIssueDate
        case "hasDueDate": hasDueDate
        case "lines": lines
        case "items": items
        case "adjustments": adjustments
        case "taxes": taxes
        case "subtotal": subtotal
        case "discount": discount
        case "tax": tax
        case "total": total
        case "hasDiscount": hasDiscount
        case "hasTax": hasTax
        case "notes": notes
        case "hasNotes": hasNotes
        case "adjustedTotal": adjustedTotal
        default: nil
        }
    }
}

extension InvoiceView {
    /// The view of an invoice whose page is `file`, with the notes correcting it (each with its page).
    init(_ invoice: Invoice, file: String, notes: [(note: AdjustmentNote, file: String)], format: BillingFormat) {
        let c = invoice.currency
        let amount = { DisplayFormat.grouped(c.format($0)) }
        let lines = invoice.lines.flatMap { InvoiceLineView.lines($0, currency: c) }
        let isAdjustment = { (l: InvoiceLineView) in l.kind == "discount" || l.kind == "tax" }
        let email = invoice.customer.email ?? "", name = invoice.customer.name ?? ""
        let noted = notes.reduce(ExactDecimal.zero) { $0 + $1.note.amount }
        self.init(
            number: invoice.number, file: file, status: invoice.status.rawValue, isDraft: invoice.status == .draft,
            customerID: invoice.customer.id, email: email, name: name, hasEmail: !email.isEmpty, hasName: !name.isEmpty,
            customer: email.isEmpty ? invoice.customer.id : email, billTo: PartyView(invoice.billTo), plan: invoice.plan,
            period: BillingPeriodView(invoice.period, format: format), issueDate: invoice.issueDate?.description ?? "",
            dueDate: invoice.dueDate?.description ?? "", hasIssueDate: invoice.issueDate != nil, hasDueDate: invoice.dueDate != nil,
            lines: lines, items: lines.filter { !isAdjustment($0) }, adjustments: lines.filter(isAdjustment),
            taxes: TaxRateView.rates(invoice.lines, currency: c), subtotal: amount(invoice.subtotal),
            discount: amount(invoice.discount), tax: amount(invoice.tax), total: amount(invoice.total),
            hasDiscount: !invoice.discount.isZero, hasTax: !invoice.tax.isZero,
            notes: notes.map { NoteLinkView(number: $0.note.number, file: $0.file, kind: $0.note.kind.rawValue, amount: amount($0.note.amount)) },
            hasNotes: !notes.isEmpty, adjustedTotal: amount(invoice.total + noted))
    }
}

/// A name, address lines, tax id and contact, as printed.
struct PartyView: TemplateModel {
    let name: String
    let address: [ListValue]
    let hasAddress: Bool
    let taxID: String
    let hasTaxID: Bool
    let contact: String
    let hasContact: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "address": address
        case "hasAddress": hasAddress
        case "taxID": taxID
        case "hasTaxID": hasTaxID
        case "contact": contact
        case "hasContact": hasContact
        default: nil
        }
    }
}

extension PartyView {
    /// The view of a party.
    init(_ p: BillingParty) {
        self.init(
            name: p.name, address: p.address.map(ListValue.init), hasAddress: !p.address.isEmpty, taxID: p.taxID ?? "",
            hasTaxID: p.taxID != nil, contact: p.contact ?? "", hasContact: p.contact != nil)
    }
}

/// Tax at one rate: the rate, the amount it is charged on, and the tax.
struct TaxRateView: TemplateModel {
    /// `19%`.
    let rate: String
    /// The taxable amount (after discount).
    let taxable: String
    let tax: String

    func child(named name: String) -> Any? {
        switch name {
        case "rate": rate
        case "taxable": taxable
        case "tax": tax
        default: nil
        }
    }

    /// `19%`, `7.5%`: a rate (0.19) as a percent.
    static func percent(_ rate: ExactDecimal) -> String {
        (rate * ExactDecimal(100)).string(minimumFractionDigits: 0) + "%"
    }

    /// The tax lines of an invoice, one per rate.
    static func rates(_ lines: [InvoiceLine], currency c: Currency) -> [TaxRateView] {
        lines.filter { $0.kind == .tax }.map {
            TaxRateView(
                rate: percent($0.unitPrice ?? .zero), taxable: DisplayFormat.grouped(c.format($0.quantity)),
                tax: DisplayFormat.grouped(c.format($0.amount)))
        }
    }
}

/// An adjustment note as an invoice lists it.
struct NoteLinkView: TemplateModel {
    let number: String
    /// `adjustments/<number>.html`, relative to `billing.html`.
    let file: String
    /// `credit` or `debit`.
    let kind: String
    /// Signed: negative for a credit.
    let amount: String

    func child(named name: String) -> Any? {
        switch name {
        case "number": number
        case "file": file
        case "kind": kind
        case "amount": amount
        default: nil
        }
    }
}

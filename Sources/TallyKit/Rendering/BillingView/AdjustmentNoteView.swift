/// A credit or debit note: the invoice it corrects and, line by line, by how much.
struct AdjustmentNoteView: TemplateModel {
    let number: String
    /// The note's page, `adjustments/<number>.html`, relative to `billing.html`.
    let file: String
    /// `credit` or `debit`.
    let kind: String
    let isCredit: Bool
    /// `Credit note` or `Debit note`.
    let title: String
    /// The invoice it corrects, and that invoice's page.
    let originalNumber: String
    let originalFile: String
    let customerID: String
    /// The email, else the id.
    let customer: String
    let billTo: PartyView
    let plan: String
    let period: BillingPeriodView
    let issueDate: String
    let dueDate: String
    let hasDueDate: Bool
    /// The differences, new minus old (lines that did not change are left out).
    let lines: [InvoiceLineView]
    /// Their sum: negative for a credit.
    let amount: String

    func child(named name: String) -> Any? {
        switch name {
        case "number": number
        case "file": file
        case "kind": kind
        case "isCredit": isCredit
        case "title": title
        case "originalNumber": originalNumber
        case "originalFile": originalFile
        case "customerID": customerID
        case "customer": customer
        case "billTo": billTo
        case "plan": plan
        case "period": period
        case "issueDate": issueDate
        case "dueDate": dueDate
        case "hasDueDate": hasDueDate
        case "lines": lines
        case "amount": amount
        default: nil
        }
    }
}

extension AdjustmentNoteView {
    /// The view of a note whose page is `file`, correcting the invoice whose page is `originalFile`.
    init(_ note: AdjustmentNote, file: String, originalFile: String, format: BillingFormat) {
        let c = note.currency
        self.init(
            number: note.number, file: file, kind: note.kind.rawValue, isCredit: note.kind == .credit,
            title: note.kind == .credit ? "Credit note" : "Debit note", originalNumber: note.originalNumber,
            originalFile: originalFile, customerID: note.customer.id, customer: note.customer.email ?? note.customer.id,
            billTo: PartyView(note.billTo), plan: note.plan, period: BillingPeriodView(note.period, format: format),
            issueDate: note.issueDate.description, dueDate: note.dueDate?.description ?? "", hasDueDate: note.dueDate != nil,
            lines: note.lines.flatMap { InvoiceLineView.lines($0, currency: c) }, amount: DisplayFormat.grouped(c.format(note.amount)))
    }
}

/// `invoices/<number>.html`: one invoice with who issues it; no script.
struct InvoicePageView: TemplateModel {
    /// `Invoice INV-000001`, or `Draft invoice DRAFT-2026-11-…`.
    let title: String
    let currency: String
    /// The issuer as recorded for the period (or the plan's, for drafts); absent when the plan names none.
    let issuer: PartyView?
    let invoice: InvoiceView
    /// The Content-Security-Policy of the `<meta>` tag, and `usage.css` followed by `billing.css`.
    let csp: String
    let style: String

    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "currency": currency
        case "issuer": issuer
        case "invoice": invoice
        case "csp": csp
        case "style": style
        default: nil
        }
    }
}

/// `adjustments/<number>.html`: one adjustment note with who issues it; no script.
struct NotePageView: TemplateModel {
    /// `Credit note ADJ-000001`.
    let title: String
    let currency: String
    /// The issuer recorded with the note; absent when the plan named none.
    let issuer: PartyView?
    let note: AdjustmentNoteView
    let csp: String
    let style: String

    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "currency": currency
        case "issuer": issuer
        case "note": note
        case "csp": csp
        case "style": style
        default: nil
        }
    }
}

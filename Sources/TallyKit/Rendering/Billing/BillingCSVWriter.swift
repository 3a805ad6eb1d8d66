/// The rows of the billing CSV files, one invoice or note at a time (the files are
/// streamed): RFC 4180, CRLF, text cells defused, money never.
package enum BillingCSVWriter {
    /// `invoices.csv`: one row per invoice line; an invoice's amounts add up to its total.
    package static let invoiceColumns = [
        "invoice_number", "status", "customer_id", "email", "period_label", "period_start", "period_end",
        "period_start_local", "period_end_local", "line", "line_kind", "metric", "model", "quantity", "unit_price", "amount",
        "currency",
    ]

    /// `invoice_breakdown.csv`: the tier and package sub-lines of usage lines, exact amounts.
    package static let breakdownColumns = [
        "invoice_number", "line", "metric", "tier", "range", "quantity", "unit_price", "flat_fee", "exact_amount", "currency",
    ]

    /// `billing_summary.csv`: one row per invoice.
    package static let summaryColumns = [
        "customer_id", "email", "name", "billing_name", "plan", "invoice_number", "status", "period_label",
        "period_start_local", "period_end_local", "issue_date", "due_date", "subtotal", "discount", "tax", "total",
        "adjustments", "adjusted_total", "currency",
    ]

    /// `adjustments.csv`: one row per adjustment note; `amount` is negative for a credit.
    package static let adjustmentColumns = [
        "note_number", "original_invoice_number", "customer_id", "kind", "amount", "currency",
    ]

    /// A file's first bytes: the optional BOM and the header.
    package static func header(_ columns: [String], bom: Bool) -> [UInt8] {
        CSVDocument(header: columns, bom: bom).bytes
    }

    /// The `invoices.csv` rows of one invoice: its lines in order, numbered from 1.
    package static func invoiceRows(_ invoice: Invoice) -> [UInt8] {
        var csv = CSVDocument(columnCount: invoiceColumns.count)
        let c = invoice.currency, p = invoice.period
        let head: [CSVCell] = [
            .text(invoice.number), .text(invoice.status.rawValue), .text(invoice.customer.id), .text(invoice.customer.email),
            .text(p.label), .instant(p.start), .instant(p.end), .text(p.firstDay.description), .text(p.lastDay.description),
        ]
        for (index, line) in invoice.lines.enumerated() {
            let isMoneyBase = line.kind == .discount || line.kind == .tax
            csv.append(
                head + [
                    .integer(Int64(index + 1)), .text(line.kind.rawValue), .text(line.metric?.rawValue), .text(line.model),
                    isMoneyBase ? .money(line.quantity, c) : .decimal(line.quantity, minimumFractionDigits: 0),
                    .decimal(line.unitPrice), .money(line.amount, c), .text(c.code),
                ])
        }
        return csv.bytes
    }

    /// The `invoice_breakdown.csv` rows of one invoice.
    package static func breakdownRows(_ invoice: Invoice) -> [UInt8] {
        var csv = CSVDocument(columnCount: breakdownColumns.count)
        let c = invoice.currency
        for (index, line) in invoice.lines.enumerated() {
            for sub in line.breakdown {
                csv.append([
                    .text(invoice.number), .integer(Int64(index + 1)), .text(line.metric?.rawValue),
                    .text(sub.tier == "packages" ? "package" : sub.tier), .text(sub.range),
                    .decimal(sub.quantity, minimumFractionDigits: 0), .decimal(sub.unitPrice),
                    .decimal(sub.flatFee, minimumFractionDigits: c.minorUnits),
                    .decimal(sub.amount, minimumFractionDigits: c.minorUnits), .text(c.code),
                ])
            }
        }
        return csv.bytes
    }

    /// The `billing_summary.csv` row of one invoice and its notes.
    package static func summaryRow(_ invoice: Invoice, notes: [AdjustmentNote]) -> [UInt8] {
        var csv = CSVDocument(columnCount: summaryColumns.count)
        let c = invoice.currency, p = invoice.period
        let adjustments = notes.reduce(ExactDecimal.zero) { $0 + $1.amount }
        csv.append([
            .text(invoice.customer.id), .text(invoice.customer.email), .text(invoice.customer.name), .text(invoice.billTo.name),
            .text(invoice.plan), .text(invoice.number), .text(invoice.status.rawValue), .text(p.label),
            .text(p.firstDay.description), .text(p.lastDay.description), .text(invoice.issueDate?.description),
            .text(invoice.dueDate?.description), .money(invoice.subtotal, c), .money(invoice.discount, c), .money(invoice.tax, c),
            .money(invoice.total, c), .money(adjustments, c), .money(invoice.total + adjustments, c), .text(c.code),
        ])
        return csv.bytes
    }

    /// The `adjustments.csv` rows of notes.
    package static func adjustmentRows(_ notes: [AdjustmentNote]) -> [UInt8] {
        var csv = CSVDocument(columnCount: adjustmentColumns.count)
        for note in notes {
            csv.append([
                .text(note.number), .text(note.originalNumber), .text(note.customer.id), .text(note.kind.rawValue),
                .money(note.amount, note.currency), .text(note.currency.code),
            ])
        }
        return csv.bytes
    }
}

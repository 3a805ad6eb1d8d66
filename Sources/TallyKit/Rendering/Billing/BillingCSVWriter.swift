/// Writes `invoices.csv` and `billing_summary.csv` through `CSVDocument` (RFC 4180, CRLF,
/// text cells defused, money never).
package enum BillingCSVWriter {
    /// The header of `invoices.csv`.
    package static let invoiceColumns = [
        "invoice_number", "customer_id", "email", "period_start", "period_end", "line_kind", "metric", "tier",
        "quantity", "unit_price", "amount", "currency",
    ]

    /// The header of `billing_summary.csv`.
    package static let summaryColumns = [
        "customer_id", "email", "name", "plan", "invoice_number", "subtotal", "discount", "tax", "total", "currency",
    ]

    /// `invoices.csv`: one row per invoice line, then one per tier or package sub-line.
    ///
    /// Line amounts have exactly the currency's minor digits and add up to the invoice
    /// total; sub-line rows (`tier`, `package`) show exact amounts and are not summed.
    /// - Parameter bom: whether the file starts with a UTF-8 BOM (`--csv-bom`).
    package static func invoices(_ run: BillingRun, bom: Bool = false) -> [UInt8] {
        var csv = CSVDocument(header: invoiceColumns, bom: bom)
        let currency = run.currency
        for invoice in run.invoices {
            let head: [CSVCell] = [
                .text(invoice.number), .text(invoice.customer.id), .text(invoice.customer.email),
                .instant(invoice.period.start), .instant(invoice.period.end),
            ]
            for line in invoice.lines {
                let metric = CSVCell.text(line.metric?.rawValue)
                let isMoneyBase = line.kind == .discount || line.kind == .tax
                let quantity: CSVCell =
                    isMoneyBase ? .money(line.quantity, currency) : .decimal(line.quantity, minimumFractionDigits: 0)
                csv.append(
                    head + [
                        .text(line.kind.rawValue), metric, .text(nil), quantity, .decimal(line.unitPrice),
                        .money(line.amount, currency), .text(currency.code),
                    ])
                for sub in line.breakdown {
                    csv.append(
                        head + [
                            .text(sub.tier == "packages" ? "package" : "tier"), metric, .text(sub.tier),
                            .decimal(sub.quantity, minimumFractionDigits: 0), .decimal(sub.unitPrice),
                            .decimal(sub.amount, minimumFractionDigits: currency.minorUnits), .text(currency.code),
                        ])
                }
            }
        }
        return csv.bytes
    }

    /// `billing_summary.csv`: one row per customer, in invoice order.
    /// - Parameter bom: whether the file starts with a UTF-8 BOM (`--csv-bom`).
    package static func summary(_ run: BillingRun, bom: Bool = false) -> [UInt8] {
        var csv = CSVDocument(header: summaryColumns, bom: bom)
        let currency = run.currency
        for row in run.summary {
            csv.append([
                .text(row.customer.id), .text(row.customer.email), .text(row.customer.name), .text(row.plan),
                .text(row.invoiceNumber), .money(row.subtotal, currency), .money(row.discount, currency),
                .money(row.tax, currency), .money(row.total, currency), .text(currency.code),
            ])
        }
        return csv.bytes
    }
}

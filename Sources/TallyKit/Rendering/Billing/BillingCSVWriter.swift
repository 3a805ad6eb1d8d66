/// Writes `invoices.csv` and `billing_summary.csv` (RFC 4180, CRLF, text cells defused).
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

    /// Streams `invoices.csv`: one row per invoice line, then one per tier or package sub-line.
    ///
    /// Line amounts have exactly the currency's minor digits and add up to the invoice
    /// total; sub-line rows (`tier`, `package`) show exact amounts and are not summed.
    package static func writeInvoices<Out: TextOutputStream>(_ run: BillingRun, to out: inout Out) {
        out.write(CSVField.row(invoiceColumns))
        let currency = run.currency
        for invoice in run.invoices {
            let head = [
                CSVField.text(invoice.number), CSVField.text(invoice.customer.id), CSVField.text(invoice.customer.email),
                CSVField.text(invoice.period.start.isoString), CSVField.text(invoice.period.end.isoString),
            ]
            for line in invoice.lines {
                let metric = CSVField.text(line.metric?.rawValue ?? "")
                let isMoneyBase = line.kind == .discount || line.kind == .tax
                let quantity = isMoneyBase ? currency.format(line.quantity) : line.quantity.string(minimumFractionDigits: 0)
                out.write(
                    CSVField.row(
                        head + [
                            CSVField.text(line.kind.rawValue), metric, "", CSVField.numeric(quantity),
                            CSVField.numeric(line.unitPrice?.description ?? ""),
                            CSVField.numeric(currency.format(line.amount)), CSVField.text(currency.code),
                        ]))
                for sub in line.breakdown {
                    out.write(
                        CSVField.row(
                            head + [
                                CSVField.text(sub.tier == "packages" ? "package" : "tier"), metric,
                                CSVField.text(sub.tier), CSVField.numeric(sub.quantity.string(minimumFractionDigits: 0)),
                                CSVField.numeric(sub.unitPrice.description),
                                CSVField.numeric(sub.amount.string(minimumFractionDigits: currency.minorUnits)),
                                CSVField.text(currency.code),
                            ]))
                }
            }
        }
    }

    /// Streams `billing_summary.csv`: one row per customer, in invoice order.
    package static func writeSummary<Out: TextOutputStream>(_ run: BillingRun, to out: inout Out) {
        out.write(CSVField.row(summaryColumns))
        let currency = run.currency
        for row in run.summary {
            out.write(
                CSVField.row([
                    CSVField.text(row.customer.id), CSVField.text(row.customer.email), CSVField.text(row.customer.name),
                    CSVField.text(row.plan), CSVField.text(row.invoiceNumber),
                    CSVField.numeric(currency.format(row.subtotal)), CSVField.numeric(currency.format(row.discount)),
                    CSVField.numeric(currency.format(row.tax)), CSVField.numeric(currency.format(row.total)),
                    CSVField.text(currency.code),
                ]))
        }
    }

    /// `invoices.csv` as one string.
    package static func invoicesCSV(_ run: BillingRun) -> String {
        var text = ""
        writeInvoices(run, to: &text)
        return text
    }

    /// `billing_summary.csv` as one string.
    package static func summaryCSV(_ run: BillingRun) -> String {
        var text = ""
        writeSummary(run, to: &text)
        return text
    }
}

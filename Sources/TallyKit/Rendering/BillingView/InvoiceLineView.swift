/// One invoice line or tier/package sub-line.
struct InvoiceLineView: TemplateModel {
    /// `base_fee`, `usage`, `minimum`, `discount`, `tax`, or `tier` / `package` for a sub-line.
    let kind: String
    /// `Base fee`, `documents (graduated)`, `Tier 2 (101-10000)`, `Discount 10%`, ...
    let label: String
    let metric: String
    let tier: String
    /// Units; for discount and tax the amount the rate applies to.
    let quantity: String
    /// Exact; the rate for discount and tax; empty for tiered charges.
    let unitPrice: String
    /// Rounded for lines, exact for sub-lines.
    let amount: String
    let isSubLine: Bool
    let hasFlatFee: Bool
    /// A tier's flat fee, included in its amount.
    let flatFee: String

    func child(named name: String) -> Any? {
        switch name {
        case "kind": kind
        case "label": label
        case "metric": metric
        case "tier": tier
        case "quantity": quantity
        case "unitPrice": unitPrice
        case "amount": amount
        case "isSubLine": isSubLine
        case "hasFlatFee": hasFlatFee
        case "flatFee": flatFee
        default: nil
        }
    }
}

extension InvoiceLineView {
    /// A line followed by its tier or package sub-lines.
    static func lines(_ line: InvoiceLine, currency c: Currency) -> [InvoiceLineView] {
        let metric = line.metric?.rawValue ?? ""
        let isMoneyBase = line.kind == .discount || line.kind == .tax
        let noFee = DisplayFormat.grouped(ExactDecimal.zero.string(minimumFractionDigits: c.minorUnits))
        let head = InvoiceLineView(
            kind: line.kind.rawValue, label: label(line), metric: metric, tier: "",
            quantity: DisplayFormat.grouped(isMoneyBase ? c.format(line.quantity) : line.quantity.string(minimumFractionDigits: 0)),
            unitPrice: line.unitPrice?.description ?? "", amount: DisplayFormat.grouped(c.format(line.amount)), isSubLine: false,
            hasFlatFee: false, flatFee: noFee)
        return [head]
            + line.breakdown.map { sub in
                let isPackage = sub.tier == "packages"
                return InvoiceLineView(
                    kind: isPackage ? "package" : "tier",
                    label: isPackage ? "Packages (\(sub.range))" : "Tier \(sub.tier) (\(sub.range))",
                    metric: metric, tier: sub.tier, quantity: DisplayFormat.grouped(sub.quantity.string(minimumFractionDigits: 0)),
                    unitPrice: sub.unitPrice.description,
                    amount: DisplayFormat.grouped(sub.amount.string(minimumFractionDigits: c.minorUnits)), isSubLine: true,
                    hasFlatFee: !sub.flatFee.isZero,
                    flatFee: DisplayFormat.grouped(sub.flatFee.string(minimumFractionDigits: c.minorUnits)))
            }
    }

    /// The description of a line: `Base fee`, `documents (graduated)`, `Discount 10%`, `Tax 19%`.
    static func label(_ line: InvoiceLine) -> String {
        switch line.kind {
        case .baseFee: return "Base fee"
        case .usage: return "\(line.metric?.rawValue ?? "") (\(line.model ?? ""))"
        case .minimum: return "Minimum top-up"
        case .discount: return "Discount \(TaxRateView.percent(-(line.unitPrice ?? .zero)))"
        case .tax: return "Tax \(TaxRateView.percent(line.unitPrice ?? .zero))"
        }
    }
}

/// Prices one customer's usage under a plan file: terms lookup and invoice lines.
package struct InvoiceBuilder: Sendable {
    /// The validated plan file.
    package let plan: Plan

    /// The customer's entry in `customers`: by id first, then by email (case-insensitive).
    package func terms(for customer: BillingCustomer) -> CustomerTerms? {
        if let byID = plan.customers.first(where: { $0.key == customer.id }) { return byID }
        guard let email = customer.email?.lowercased(), !email.isEmpty else { return nil }
        return plan.customers.first { $0.key.lowercased() == email }
    }

    /// The customer's price plan: their entry's, else `default_plan`.
    package func pricePlan(for customer: BillingCustomer) -> PricePlan {
        let name = terms(for: customer)?.plan ?? plan.defaultPlan
        guard let pricePlan = plan.pricePlan(named: name) else {
            preconditionFailure("plan '\(name)' was validated to exist")
        }
        return pricePlan
    }

    /// The invoice for one customer's usage, numbered `number`.
    package func invoice(
        number: String, customer: BillingCustomer, usage: BillingUsage, period: BillingPeriod
    ) -> Invoice {
        let terms = terms(for: customer)
        let pricePlan = pricePlan(for: customer)
        var lines: [InvoiceLine] = []
        if let fee = pricePlan.baseFee, !fee.isZero {
            lines.append(line(.baseFee, quantity: ExactDecimal(1), unitPrice: fee, exact: fee))
        }
        for charge in pricePlan.charges {
            let priced = charge.price(usage.quantity(of: charge.metric))
            var usageLine = line(.usage, quantity: priced.quantity, unitPrice: priced.unitPrice, exact: priced.amount)
            usageLine.metric = charge.metric
            usageLine.model = priced.model
            usageLine.breakdown = priced.breakdown
            lines.append(usageLine)
        }
        let usageSubtotal = lines.reduce(ExactDecimal.zero) { $0 + $1.amount }
        if let minimum = pricePlan.minimum.map(round), usageSubtotal < minimum {
            let topUp = minimum - usageSubtotal
            lines.append(line(.minimum, quantity: ExactDecimal(1), unitPrice: topUp, exact: topUp))
        }
        let subtotal = lines.reduce(ExactDecimal.zero) { $0 + $1.amount }
        let discountPercent = terms?.discountPercent ?? .zero
        var afterDiscount = subtotal
        if !discountPercent.isZero {
            let rate = -discountPercent.percentAsRate
            let discount = line(.discount, quantity: subtotal, unitPrice: rate, exact: subtotal * rate)
            lines.append(discount)
            afterDiscount = subtotal + discount.amount
        }
        let taxPercent = terms?.taxPercent ?? plan.taxPercent
        if !taxPercent.isZero {
            let rate = taxPercent.percentAsRate
            lines.append(line(.tax, quantity: afterDiscount, unitPrice: rate, exact: afterDiscount * rate))
        }
        return Invoice(
            number: number, customer: customer, plan: pricePlan.name, period: period, currency: plan.currency,
            usage: usage, lines: lines)
    }

    private func round(_ amount: ExactDecimal) -> ExactDecimal {
        plan.currency.round(amount, plan.rounding)
    }

    private func line(
        _ kind: InvoiceLineKind, quantity: ExactDecimal, unitPrice: ExactDecimal?, exact: ExactDecimal
    ) -> InvoiceLine {
        InvoiceLine(
            kind: kind, metric: nil, model: nil, quantity: quantity, unitPrice: unitPrice, exactAmount: exact,
            amount: round(exact), breakdown: [])
    }
}

/// Prices one customer's usage under a plan file: terms lookup and invoice lines.
package struct InvoiceBuilder: Sendable {
    /// The validated plan file.
    package let plan: Plan
    /// The customers' terms: the plan's `customers` and matching `customers_file` rows.
    package let customers: CustomerIndex

    /// A builder for `plan` with its inline customers and `more` terms (from `customers_file`).
    package init(plan: Plan, more: [CustomerTerms] = []) {
        self.plan = plan
        customers = CustomerIndex(plan.customers + more)
    }

    /// The customer's entry in `customers`: by id first, then by email (case-insensitive).
    package func terms(for customer: BillingCustomer) -> CustomerTerms? {
        customers.terms(for: customer)
    }

    /// The customer's price plan: their entry's, else `default_plan`.
    package func pricePlan(for customer: BillingCustomer) -> PricePlan {
        pricePlan(terms(for: customer))
    }

    private func pricePlan(_ terms: CustomerTerms?) -> PricePlan {
        let name = terms?.plan ?? plan.defaultPlan
        guard let pricePlan = plan.pricePlan(named: name) else {
            preconditionFailure("plan '\(name)' was validated to exist")
        }
        return pricePlan
    }

    /// Whether a customer without usage still gets an invoice: their plan has a base fee.
    package func billsWithoutUsage(_ customer: BillingCustomer) -> Bool {
        guard let terms = terms(for: customer), let fee = pricePlan(terms).baseFee else { return false }
        return !fee.isZero
    }

    /// What the invoice is made out to: the customer's `billing_name` and address, else their name or email.
    package func billTo(_ customer: BillingCustomer) -> BillingParty {
        if let party = terms(for: customer)?.billTo { return party }
        return BillingParty(name: customer.name ?? customer.email ?? customer.id)
    }

    /// The invoice for one customer's usage, numbered `number`, with no issue date yet.
    package func invoice(
        number: String, customer: BillingCustomer, usage: BillingUsage, period: BillingPeriod
    ) -> Invoice {
        let terms = terms(for: customer)
        let pricePlan = pricePlan(terms)
        return Invoice(
            number: number, status: period.status, customer: customer, billTo: billTo(customer), plan: pricePlan.name,
            period: period, currency: plan.currency, usage: usage, lines: lines(usage, pricePlan, terms))
    }

    /// Base fee, one line per charge, minimum top-up, discount and tax.
    func lines(_ usage: BillingUsage, _ pricePlan: PricePlan, _ terms: CustomerTerms?) -> [InvoiceLine] {
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
        return lines
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

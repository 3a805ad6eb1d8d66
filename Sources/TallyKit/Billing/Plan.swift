/// A validated plan file: currency, zone, rounding, the price plans, the customers'
/// terms, the billing cycle and what every invoice prints (issuer, payment terms).
package struct Plan: Sendable, Equatable {
    /// The file the plan was read from, as given (used in messages).
    package var source: String
    /// The currency every amount is in.
    package var currency: Currency
    /// The IANA zone of billing periods and, unless `--tz` is given, of the report period.
    package var timeZone: String?
    /// How each invoice line is rounded to minor units.
    package var rounding: RoundingMode
    /// The price plan of customers with usage and no entry in `customers`.
    package var defaultPlan: String
    /// The price plans, in file order.
    package var plans: [PricePlan]
    /// The customers' terms, in file order.
    package var customers: [CustomerTerms]
    /// Tax percent for customers without their own.
    package var taxPercent: ExactDecimal
    /// How long one billing period is (`billing_period`).
    package var billingCycle: BillingCycle = .month
    /// How long after a period's end its invoices stay drafts (`grace_period`), microseconds.
    package var graceMicros: Int64 = 0
    /// The prefix of final invoice numbers (`invoice_prefix`).
    package var invoicePrefix = Plan.defaultInvoicePrefix
    /// The prefix of adjustment note numbers (`adjustment_prefix`).
    package var adjustmentPrefix = Plan.defaultAdjustmentPrefix
    /// Days from the issue date to the due date (`payment_terms`); 0 is due on receipt.
    package var paymentTermsDays = 0
    /// Who issues the invoices (`issuer`), printed on each.
    package var issuer: BillingParty?
    /// A CSV of further customers' terms (`customers_file`), resolved against the plan's folder.
    package var customersFile: String?
    /// Rows of `customersFile`, counted when the plan was loaded.
    package var customersFileRows = 0

    /// `invoice_prefix` and `adjustment_prefix` when the plan gives none.
    package static let defaultInvoicePrefix = "INV-"
    package static let defaultAdjustmentPrefix = "ADJ-"

    /// The price plan with this name.
    package func pricePlan(named name: String) -> PricePlan? {
        plans.first { $0.name == name }
    }
}

/// One named price plan: a base fee, a minimum and the usage charges.
package struct PricePlan: Sendable, Equatable {
    /// The plan's name (its key under `plans`).
    package var name: String
    /// Charged every period, also with zero usage.
    package var baseFee: ExactDecimal?
    /// When the subtotal is below it, a top-up line brings it up.
    package var minimum: ExactDecimal?
    /// The usage charges, in file order.
    package var charges: [Charge]
}

/// A customer's entry under `customers`: matched by user id or email.
package struct CustomerTerms: Sendable, Equatable {
    /// The user id or email the entry is keyed by.
    package var key: String
    /// The price plan's name.
    package var plan: String
    /// Percent of the subtotal taken off.
    package var discountPercent: ExactDecimal = .zero
    /// Tax percent overriding the plan file's, when given.
    package var taxPercent: ExactDecimal?
    /// The name, address and tax id invoices are made out to (`billing_name`, `address`, `tax_id`).
    package var billTo: BillingParty?
}

/// A usage metric a charge prices.
package enum Metric: String, Sendable, CaseIterable {
    /// Processed documents of jobs that reached a terminal status.
    case documents
    /// Failed documents of those jobs.
    case failedDocuments = "failed_documents"
    /// Jobs (API calls).
    case jobs
    /// Tokens used by the documents.
    case tokens
    /// Job wall time in seconds (exact to the microsecond).
    case processingSeconds = "processing_seconds"
    /// Document bytes / 1e6 (exact).
    case megabytes

    /// True for metrics counted in whole units.
    package var isWholeUnits: Bool {
        switch self {
        case .documents, .failedDocuments, .jobs, .tokens: return true
        case .processingSeconds, .megabytes: return false
        }
    }
}

/// One usage charge: a metric priced by a model.
package struct Charge: Sendable, Equatable {
    /// What is counted.
    package var metric: Metric
    /// How the count is priced.
    package var model: ChargeModel
}

/// A pricing model, with Stripe and Lago semantics.
package enum ChargeModel: Sendable, Equatable {
    /// quantity x unit price.
    case perUnit(unitPrice: ExactDecimal)
    /// Each tier prices only the units that fall in it, plus its flat fee when any do.
    case graduated([Tier])
    /// The tier containing the total prices every unit, plus its flat fee.
    case volume([Tier])
    /// ceil((quantity - free units) / size) x package price, never below zero.
    case package(size: ExactDecimal, price: ExactDecimal, freeUnits: ExactDecimal)

    /// The name used in plan files and outputs.
    package var name: String {
        switch self {
        case .perUnit: return "per_unit"
        case .graduated: return "graduated"
        case .volume: return "volume"
        case .package: return "package"
        }
    }

    /// The model names a plan file may use.
    package static let names = ["per_unit", "graduated", "volume", "package"]
}

/// One tier of a graduated or volume charge; `upTo` is inclusive, `nil` on the last tier.
package struct Tier: Sendable, Equatable {
    /// The tier's last unit, inclusive; `nil` for the open last tier.
    package var upTo: ExactDecimal?
    /// The price of each unit the tier prices.
    package var unitPrice: ExactDecimal
    /// Added once when the tier prices at least one unit.
    package var flatFee: ExactDecimal = .zero
}

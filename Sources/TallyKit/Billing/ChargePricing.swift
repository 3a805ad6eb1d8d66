/// A charge priced for one quantity: the exact (unrounded) amount and its breakdown.
package struct PricedCharge: Sendable, Equatable {
    /// The metric priced.
    package var metric: Metric
    /// The model's name (`per_unit`, `graduated`, `volume`, `package`).
    package var model: String
    /// The quantity priced.
    package var quantity: ExactDecimal
    /// The single unit price when the model has one (per_unit; volume's applied tier).
    package var unitPrice: ExactDecimal?
    /// The exact amount before rounding.
    package var amount: ExactDecimal
    /// Per-tier (graduated, volume) or per-package (package) sub-lines; their amounts add up to `amount`.
    package var breakdown: [PricedTier]
}

/// One sub-line of a priced charge.
package struct PricedTier: Sendable, Equatable {
    /// `1`, `2`, ... for tiers (1-based); `packages` for a package charge.
    package var tier: String
    /// The units the tier covers, e.g. `1-5`, `11+` (whole units) or `0-5`, `5+` (decimal units).
    package var range: String
    /// Units priced by this tier, or the package count.
    package var quantity: ExactDecimal
    /// Price per unit (or per package).
    package var unitPrice: ExactDecimal
    /// The tier's flat fee, charged because at least one unit fell in it.
    package var flatFee: ExactDecimal
    /// quantity x unitPrice + flatFee, exact.
    package var amount: ExactDecimal
}

extension Charge {
    /// Prices `quantity` with this charge's model (a pure function; never negative).
    package func price(_ quantity: ExactDecimal) -> PricedCharge {
        var result = PricedCharge(
            metric: metric, model: model.name, quantity: quantity, unitPrice: nil, amount: .zero, breakdown: [])
        switch model {
        case .perUnit(let unitPrice):
            result.unitPrice = unitPrice
            result.amount = quantity * unitPrice
        case .graduated(let tiers):
            result.breakdown = graduated(tiers, quantity)
            result.amount = result.breakdown.reduce(.zero) { $0 + $1.amount }
        case .volume(let tiers):
            result.breakdown = volume(tiers, quantity)
            result.unitPrice = result.breakdown.first?.unitPrice
            result.amount = result.breakdown.reduce(.zero) { $0 + $1.amount }
        case .package(let size, let price, let freeUnits):
            let packages = (quantity - freeUnits).ceilingQuotient(dividingBy: size)
            if quantity > freeUnits {
                result.breakdown = [
                    PricedTier(
                        tier: "packages", range: "\(size) per package, \(freeUnits) free", quantity: packages,
                        unitPrice: price, flatFee: .zero, amount: packages * price)
                ]
            }
            result.amount = packages * price
        }
        return result
    }

    /// Each tier prices the units inside it (`up_to` inclusive), plus its flat fee when it prices any.
    private func graduated(_ tiers: [Tier], _ quantity: ExactDecimal) -> [PricedTier] {
        var lines: [PricedTier] = []
        var lower = ExactDecimal.zero
        for (index, tier) in tiers.enumerated() {
            guard quantity > lower else { break }
            let upper = tier.upTo.map { min($0, quantity) } ?? quantity
            let units = upper - lower
            lines.append(
                PricedTier(
                    tier: String(index + 1), range: range(from: lower, to: tier.upTo), quantity: units,
                    unitPrice: tier.unitPrice, flatFee: tier.flatFee, amount: units * tier.unitPrice + tier.flatFee))
            guard let upTo = tier.upTo else { break }
            lower = upTo
        }
        return lines
    }

    /// The tier containing the whole quantity prices every unit, plus its flat fee; zero prices nothing.
    private func volume(_ tiers: [Tier], _ quantity: ExactDecimal) -> [PricedTier] {
        guard quantity > .zero else { return [] }
        var lower = ExactDecimal.zero
        for (index, tier) in tiers.enumerated() {
            if let upTo = tier.upTo, quantity > upTo {
                lower = upTo
                continue
            }
            return [
                PricedTier(
                    tier: String(index + 1), range: range(from: lower, to: tier.upTo), quantity: quantity,
                    unitPrice: tier.unitPrice, flatFee: tier.flatFee, amount: quantity * tier.unitPrice + tier.flatFee)
            ]
        }
        return []
    }

    /// `1-5` / `11+` for whole-unit metrics; `0-5` / `5+` for decimal ones.
    private func range(from lower: ExactDecimal, to upper: ExactDecimal?) -> String {
        let first = metric.isWholeUnits ? (lower + ExactDecimal(1)).description : lower.description
        return upper.map { "\(first)-\($0)" } ?? "\(first)+"
    }
}

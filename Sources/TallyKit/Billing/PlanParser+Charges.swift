/// Charges and tiers of a price plan.
extension PlanParser {
    static let chargeKeys = ["metric", "model", "unit_price", "tiers", "package_size", "package_price", "free_units"]
    static let tierKeys = ["up_to", "unit_price", "flat_fee"]

    /// The keys each model uses besides `metric` and `model`.
    static func modelKeys(_ model: String) -> [String] {
        switch model {
        case "per_unit": return ["unit_price"]
        case "graduated", "volume": return ["tiers"]
        default: return ["package_size", "package_price", "free_units"]
        }
    }

    /// Names people use for the tiered models, mapped to a hint.
    static let modelAliases: [String: String] = [
        "tiered": "'graduated' (each tier prices its own units) or 'volume' (one tier prices all units)",
        "tierd": "'graduated' (each tier prices its own units) or 'volume' (one tier prices all units)",
        "stairstep": "'volume'", "flat": "'per_unit' or a base_fee", "perunit": "'per_unit'",
    ]

    func charge(_ node: PlanNode) throws(PlanError) -> Charge {
        let fields = try node.fields(allowed: Self.chargeKeys, what: "a charge")
        let metricNode = try require("metric", in: fields, at: node)
        let metricName = try metricNode.text()
        guard let metric = Metric(rawValue: metricName) else {
            let names = Metric.allCases.map(\.rawValue)
            let hint = Spelling.hint(for: metricName, in: names)
            throw metricNode.error(
                "unknown metric '\(metricName)' (expected one of: \(names.joined(separator: ", "))\(hint))")
        }
        let modelNode = try require("model", in: fields, at: node)
        let modelName = try modelNode.text()
        guard ChargeModel.names.contains(modelName) else {
            let hint = Self.modelAliases[modelName.lowercased()].map { "; did you mean \($0)?" }
                ?? Spelling.hint(for: modelName, in: ChargeModel.names)
            throw modelNode.error(
                "unknown model '\(modelName)' (expected one of: \(ChargeModel.names.joined(separator: ", "))\(hint))")
        }
        let used = Self.modelKeys(modelName)
        for (key, value) in fields where key != "metric" && key != "model" && !used.contains(key) {
            throw value.error("'\(key)' is not used by model \(modelName) (it takes: \(used.joined(separator: ", ")))")
        }
        let whole = metric.isWholeUnits
        switch modelName {
        case "per_unit":
            return Charge(metric: metric, model: .perUnit(unitPrice: try require("unit_price", in: fields, at: node).money()))
        case "graduated":
            return Charge(metric: metric, model: .graduated(try tiers(require("tiers", in: fields, at: node), whole: whole)))
        case "volume":
            return Charge(metric: metric, model: .volume(try tiers(require("tiers", in: fields, at: node), whole: whole)))
        default:
            let sizeNode = try require("package_size", in: fields, at: node)
            let size = try sizeNode.quantity(wholeUnits: whole)
            if size.isZero { throw sizeNode.error("package_size must be above zero") }
            let price = try require("package_price", in: fields, at: node).money()
            let free = try fields["free_units"].map { node throws(PlanError) in try node.quantity(wholeUnits: whole) }
            return Charge(metric: metric, model: .package(size: size, price: price, freeUnits: free ?? .zero))
        }
    }

    func tiers(_ node: PlanNode, whole: Bool) throws(PlanError) -> [Tier] {
        let items = try node.items(what: "tiers")
        guard !items.isEmpty else { throw node.error("at least one tier is required (the last with up_to: null)") }
        var tiers: [Tier] = []
        for (index, item) in items.enumerated() {
            let fields = try item.fields(allowed: Self.tierKeys, what: "a tier")
            let upToNode = try require("up_to", in: fields, at: item)
            let isLast = index == items.count - 1
            var upTo: ExactDecimal?
            if upToNode.isNull {
                guard isLast else { throw upToNode.error("only the last tier may have up_to: null") }
            } else {
                guard !isLast else {
                    throw upToNode.error("the last tier must have up_to: null (open-ended), found \(upToNode.kindName)")
                }
                let value = try upToNode.quantity(wholeUnits: whole)
                let previous = tiers.last?.upTo ?? .zero
                guard previous < value else {
                    throw upToNode.error(
                        "tiers overlap or are out of order: up_to \(value) must be above the previous tier's \(previous)")
                }
                upTo = value
            }
            let price = try require("unit_price", in: fields, at: item).money()
            let flat = try fields["flat_fee"].map { node throws(PlanError) in try node.money() } ?? .zero
            tiers.append(Tier(upTo: upTo, unitPrice: price, flatFee: flat))
        }
        return tiers
    }
}

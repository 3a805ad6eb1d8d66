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

    /// A charge; `nil` when a problem was recorded. Keys a model does not use are
    /// checked only under a known model.
    func charge(_ node: DocumentNode) -> Charge? {
        guard let fields = mapping(node, allowed: Self.chargeKeys, what: "a charge") else { return nil }
        let metric = required("metric", in: fields, at: node) { node throws(FileProblem) -> Metric in
            try named(node, "metric")
        }
        guard let modelName = required("model", in: fields, at: node, modelName) else { return nil }
        let used = Self.modelKeys(modelName)
        for (key, value) in fields where key != "metric" && key != "model" && !used.contains(key) {
            let takes = used.joined(separator: ", ")
            problems.record(value.problem("'\(key)' is not used by model \(modelName) (it takes: \(takes))"))
        }
        let whole = metric?.isWholeUnits ?? false
        let model: ChargeModel?
        switch modelName {
        case "per_unit":
            model = required("unit_price", in: fields, at: node, money).map { ChargeModel.perUnit(unitPrice: $0) }
        case "graduated":
            model = required("tiers", in: fields, at: node) { node throws(FileProblem) in try tiers(node, whole: whole) }
                .map(ChargeModel.graduated)
        case "volume":
            model = required("tiers", in: fields, at: node) { node throws(FileProblem) in try tiers(node, whole: whole) }
                .map(ChargeModel.volume)
        default:
            let size = required("package_size", in: fields, at: node) { node throws(FileProblem) in
                let size = try node.quantity(wholeUnits: whole)
                if size.isZero { throw node.problem("package_size must be above zero") }
                return size
            }
            let price = required("package_price", in: fields, at: node, money)
            let free = optional("free_units", in: fields) { node throws(FileProblem) in
                try node.quantity(wholeUnits: whole)
            }
            model = size.flatMap { size in price.map { .package(size: size, price: $0, freeUnits: free ?? .zero) } }
        }
        guard let metric, let model else { return nil }
        return Charge(metric: metric, model: model)
    }

    func modelName(_ node: DocumentNode) throws(FileProblem) -> String {
        let name = try node.text()
        guard ChargeModel.names.contains(name) else {
            let hint = Self.modelAliases[name.lowercased()].map { "; did you mean \($0)?" }
                ?? Spelling.hint(for: name, in: ChargeModel.names)
            throw node.problem("unknown model '\(name)' (expected one of: \(ChargeModel.names.joined(separator: ", "))\(hint))")
        }
        return name
    }

    /// The tiers of a graduated or volume charge, each tier's fields read on their own.
    func tiers(_ node: DocumentNode, whole: Bool) throws(FileProblem) -> [Tier] {
        let items = try node.items(what: "tiers")
        guard !items.isEmpty else { throw node.problem("at least one tier is required (the last with up_to: null)") }
        var tiers: [Tier] = []
        var previous = ExactDecimal.zero
        for (index, item) in items.enumerated() {
            guard let fields = mapping(item, allowed: Self.tierKeys, what: "a tier") else { continue }
            let upTo = required("up_to", in: fields, at: item) { node throws(FileProblem) in
                try self.upTo(node, isLast: index == items.count - 1, after: previous, whole: whole)
            }
            if let bound = upTo ?? nil { previous = bound }
            let price = required("unit_price", in: fields, at: item, money)
            let flat = optional("flat_fee", in: fields, money) ?? .zero
            if let upTo, let price { tiers.append(Tier(upTo: upTo, unitPrice: price, flatFee: flat)) }
        }
        return tiers
    }

    /// A tier's `up_to`: null (open-ended) on the last tier only, else above the `previous` tier's.
    func upTo(_ node: DocumentNode, isLast: Bool, after previous: ExactDecimal, whole: Bool) throws(FileProblem) -> ExactDecimal? {
        if node.isNull {
            guard isLast else { throw node.problem("only the last tier may have up_to: null") }
            return nil
        }
        guard !isLast else { throw node.problem("the last tier must have up_to: null (open-ended), found \(node.kindName)") }
        let value = try node.quantity(wholeUnits: whole)
        guard previous < value else {
            throw node.problem("tiers overlap or are out of order: up_to \(value) must be above the previous tier's \(previous)")
        }
        return value
    }
}

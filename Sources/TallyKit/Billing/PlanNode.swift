import Yams

/// A YAML node with its key path and file, giving typed values or a located `PlanError`.
struct PlanNode {
    let node: Node
    let path: String
    let file: String

    /// The node's 1-based line.
    var line: Int? { node.mark?.line }

    /// An error at this node.
    func error(_ message: String) -> PlanError {
        PlanError(file: file, line: line, keyPath: path.isEmpty ? nil : path, message: message)
    }

    /// True for `null`, `~` or an empty value.
    var isNull: Bool {
        guard case .scalar(let scalar) = node else { return false }
        return scalar.style == .plain && node.null != nil
    }

    private func childPath(_ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    /// The mapping's entries in order, keys as strings (for maps keyed by names).
    func entries(what: String) throws(PlanError) -> [(key: String, value: PlanNode)] {
        guard case .mapping(let mapping) = node else {
            throw error("expected a mapping of \(what), found \(kindName)")
        }
        var result: [(key: String, value: PlanNode)] = []
        for (keyNode, valueNode) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                throw PlanError(file: file, line: keyNode.mark?.line, keyPath: path, message: "keys must be plain text")
            }
            result.append((scalar.string, PlanNode(node: valueNode, path: childPath(scalar.string), file: file)))
        }
        return result
    }

    /// The mapping's values by key, rejecting keys outside `allowed` with a suggestion.
    func fields(allowed: [String], what: String) throws(PlanError) -> [String: PlanNode] {
        guard case .mapping(let mapping) = node else {
            throw error("expected a mapping (\(what)), found \(kindName)")
        }
        var result: [String: PlanNode] = [:]
        for (keyNode, valueNode) in mapping {
            let key = keyNode.scalar?.string ?? ""
            let keyPath = childPath(key)
            guard allowed.contains(key) else {
                let hint = Spelling.hint(for: key, in: allowed)
                throw PlanError(
                    file: file, line: keyNode.mark?.line, keyPath: keyPath,
                    message: "unknown key '\(key)' in \(what)\(hint) (expected one of: \(allowed.joined(separator: ", ")))")
            }
            result[key] = PlanNode(node: valueNode, path: keyPath, file: file)
        }
        return result
    }

    /// The sequence's items, paths `path[0]`, `path[1]`, ...
    func items(what: String) throws(PlanError) -> [PlanNode] {
        guard case .sequence(let sequence) = node else {
            throw error("expected a list of \(what), found \(kindName)")
        }
        return sequence.enumerated().map { PlanNode(node: $1, path: "\(path)[\($0)]", file: file) }
    }

    /// A text scalar (quoted or plain).
    func text() throws(PlanError) -> String {
        guard case .scalar(let scalar) = node, !isNull else {
            throw error("expected a text value, found \(kindName)")
        }
        return scalar.string
    }

    /// A money or percent value: a quoted decimal string, zero or more unless `allowNegative`.
    func money(allowNegative: Bool = false) throws(PlanError) -> ExactDecimal {
        guard case .scalar(let scalar) = node, !isNull else {
            throw error("expected a decimal string such as \"19.00\", found \(kindName)")
        }
        if scalar.style == .plain, node.float != nil || node.int != nil {
            throw error(
                "money must be a quoted string, not a YAML number: write \"\(scalar.string)\" (numbers are read as binary floats)")
        }
        guard let value = ExactDecimal(parsing: scalar.string, maxScale: 9) else {
            throw error("'\(scalar.string)' is not a decimal such as \"19.00\" (digits, at most one '.', at most 9 decimals)")
        }
        if value.isNegative, !allowNegative {
            throw error("negative amount '\(scalar.string)' is not allowed")
        }
        guard value < ExactDecimal(1_000_000_000) else {
            throw error("'\(scalar.string)' is too large (at most 999999999.999999999)")
        }
        return value
    }

    /// A unit count (plain number or string), zero or more; whole unless `wholeUnits` is false.
    func quantity(wholeUnits: Bool) throws(PlanError) -> ExactDecimal {
        guard case .scalar(let scalar) = node, !isNull,
            let value = ExactDecimal(parsing: scalar.string, maxScale: 6)
        else {
            throw error("expected a number of units such as 1000, found '\(node.scalar?.string ?? kindName)'")
        }
        if value.isNegative { throw error("negative quantity '\(scalar.string)' is not allowed") }
        if wholeUnits, !value.isInteger {
            throw error("'\(scalar.string)' must be a whole number for this metric")
        }
        guard value < ExactDecimal(10_000_000_000_000) else { throw error("'\(scalar.string)' is too large") }
        return value
    }

    /// A word for the node's kind, for messages.
    var kindName: String {
        switch node {
        case .scalar: return isNull ? "null" : "'\(node.scalar?.string ?? "")'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}

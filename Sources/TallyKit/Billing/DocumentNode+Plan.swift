/// The plan file's numbers: money and percents as quoted decimals, unit counts.
extension DocumentNode {
    /// A money or percent value: a quoted decimal string, zero or more.
    func money() throws(FileProblem) -> ExactDecimal {
        guard case .scalar(let scalar) = node, !isNull else {
            throw problem("expected a decimal string such as \"19.00\", found \(kindName)")
        }
        if scalar.style == .plain, node.float != nil || node.int != nil {
            throw problem(
                "money must be a quoted string, not a YAML number: write \"\(scalar.string)\" (numbers are read as binary floats)")
        }
        guard let value = ExactDecimal(parsing: scalar.string, maxScale: 9) else {
            throw problem("'\(scalar.string)' is not a decimal such as \"19.00\" (digits, at most one '.', at most 9 decimals)")
        }
        if value.isNegative {
            throw problem("negative amount '\(scalar.string)' is not allowed")
        }
        guard value < ExactDecimal(1_000_000_000) else {
            throw problem("'\(scalar.string)' is too large (at most 999999999.999999999)")
        }
        return value
    }

    /// A unit count (plain number or string), zero or more; whole unless `wholeUnits` is false.
    func quantity(wholeUnits: Bool) throws(FileProblem) -> ExactDecimal {
        guard case .scalar(let scalar) = node, !isNull,
            let value = ExactDecimal(parsing: scalar.string, maxScale: 6)
        else {
            throw problem("expected a number of units such as 1000, found \(kindName)")
        }
        if value.isNegative { throw problem("negative quantity '\(scalar.string)' is not allowed") }
        if wholeUnits, !value.isInteger {
            throw problem("'\(scalar.string)' must be a whole number for this metric")
        }
        guard value < ExactDecimal(10_000_000_000_000) else { throw problem("'\(scalar.string)' is too large") }
        return value
    }
}

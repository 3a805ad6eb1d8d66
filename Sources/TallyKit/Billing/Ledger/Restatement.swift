/// Line arithmetic for adjustment notes: what an invoice stands at after its notes,
/// and the differences between that and the invoice priced again.
///
/// Lines are matched by kind, metric and their position among lines of the same
/// kind and metric (a plan may price one metric twice).
enum Restatement {
    /// A line's identity for matching.
    struct Key: Hashable {
        var kind: InvoiceLineKind
        var metric: Metric?
        var occurrence: Int
    }

    /// The lines of `lines` with their keys, in order.
    static func keyed(_ lines: [InvoiceLine]) -> [(key: Key, line: InvoiceLine)] {
        var seen: [Key: Int] = [:]
        return lines.map { line in
            var key = Key(kind: line.kind, metric: line.metric, occurrence: 0)
            key.occurrence = seen[key, default: 0]
            seen[key] = key.occurrence + 1
            return (key, line)
        }
    }

    /// The invoice's lines with every note's differences added: where it stands now.
    static func standing(_ lines: [InvoiceLine], notes: [AdjustmentNote]) -> [InvoiceLine] {
        var result = keyed(lines)
        for note in notes {
            for (key, delta) in keyed(note.lines) {
                if let index = result.firstIndex(where: { $0.key == key }) {
                    var line = result[index].line
                    line.quantity = line.quantity + delta.quantity
                    line.exactAmount = line.exactAmount + delta.exactAmount
                    line.amount = line.amount + delta.amount
                    line.unitPrice = delta.unitPrice ?? line.unitPrice
                    line.model = delta.model ?? line.model
                    line.breakdown = []
                    result[index].line = line
                } else {
                    result.append((key, delta))
                }
            }
        }
        return result.map(\.line)
    }

    /// `new - old` line by line; lines whose quantity and amount did not change are left out.
    static func differences(from old: [InvoiceLine], to new: [InvoiceLine]) -> [InvoiceLine] {
        let before = keyed(old)
        let after = keyed(new)
        var keys = after.map(\.key)
        for (key, _) in before where !keys.contains(key) { keys.append(key) }
        return keys.compactMap { key in
            let o = before.first { $0.key == key }?.line
            let n = after.first { $0.key == key }?.line
            let zero = ExactDecimal.zero
            let line = InvoiceLine(
                kind: key.kind, metric: key.metric, model: n?.model ?? o?.model,
                quantity: (n?.quantity ?? zero) - (o?.quantity ?? zero), unitPrice: n?.unitPrice ?? o?.unitPrice,
                exactAmount: (n?.exactAmount ?? zero) - (o?.exactAmount ?? zero),
                amount: (n?.amount ?? zero) - (o?.amount ?? zero), breakdown: [])
            return line.quantity.isZero && line.amount.isZero && line.exactAmount.isZero ? nil : line
        }
    }
}

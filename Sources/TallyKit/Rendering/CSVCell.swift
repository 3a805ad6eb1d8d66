/// One cell of a CSV record, typed by what it holds.
///
/// Only `text` carries data that may look like a formula, and only it is defused
/// and quoted. Every other case holds a number or a timestamp and is written
/// unaltered (`-5`, `-12.50`, `2026-11-01T00:00:00Z`); since those cases take
/// numeric types, no text can reach a file undefused through them.
enum CSVCell {
    /// Text from the data or the plan: defused and quoted as needed; empty for `nil`.
    case text(String?)
    /// An integer.
    case integer(Int64)
    /// An exact decimal at its own scale (`99.00`, `-0.1`), or with at least
    /// `minimumFractionDigits` places and no trailing zeros beyond them; empty for `nil`.
    case decimal(ExactDecimal?, minimumFractionDigits: Int? = nil)
    /// A rounded amount with exactly the currency's minor digits (`41.50`).
    case money(ExactDecimal, Currency)
    /// A ratio as a fraction with six decimals (`0.953125`), empty for 0/0.
    case fraction(Ratio)
    /// Microseconds as seconds with six decimals (`12.000350`).
    case seconds(micros: Int64)
    /// A timestamp, ISO 8601 UTC; empty for `nil`.
    case instant(Instant?)

    /// Appends the cell's bytes (no separator) through `CSVField`.
    func append(to out: inout [UInt8]) {
        switch self {
        case .text(let value): CSVField.appendText(value, to: &out)
        case .integer(let value): CSVField.appendInteger(value, to: &out)
        case .instant(let value): CSVField.appendInstant(value, to: &out)
        case .decimal(let value, let places):
            guard let value else { return }
            out.append(contentsOf: (places.map { value.string(minimumFractionDigits: $0) } ?? value.description).utf8)
        case .money(let amount, let currency): out.append(contentsOf: currency.format(amount).utf8)
        case .fraction(let ratio): out.append(contentsOf: PlainFormat.fraction(ratio).utf8)
        case .seconds(let micros): out.append(contentsOf: PlainFormat.seconds(micros: micros).utf8)
        }
    }
}

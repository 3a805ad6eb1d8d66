/// A JSON value whose objects keep their keys in the order given, serialised
/// by hand so the bytes never depend on a dictionary's or encoder's order.
indirect enum OrderedJSON: Sendable, Equatable {
    case object([(String, OrderedJSON)])
    case array([OrderedJSON])
    case string(String)
    /// An already valid JSON number (an integer or a plain decimal).
    case number(String)
    case bool(Bool)
    case null

    static func == (lhs: OrderedJSON, rhs: OrderedJSON) -> Bool {
        lhs.serialized() == rhs.serialized()
    }

    /// An integer.
    static func int<N: BinaryInteger>(_ value: N) -> OrderedJSON { .number(String(value)) }

    /// A string or `null`.
    static func string(_ value: String?) -> OrderedJSON { value.map { .string($0) } ?? .null }

    /// An ISO UTC timestamp or `null`.
    static func instant(_ value: Instant?) -> OrderedJSON { value.map { .string($0.isoString) } ?? .null }

    /// An integer or `null`.
    static func int(_ value: Int64?) -> OrderedJSON { value.map { .int($0) } ?? .null }

    /// Pretty-printed text (2-space indent) ending with a newline.
    func serialized() -> String {
        var out = ""
        write(to: &out, indent: 0)
        out += "\n"
        return out
    }

    /// The text of a value nested `indent` spaces deep (for a document written a piece at a time): no newline after it.
    func serialized(indent: Int) -> String {
        var out = ""
        write(to: &out, indent: indent)
        return out
    }

    private func write(to out: inout String, indent: Int) {
        switch self {
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{\n"
            for (i, (key, value)) in members.enumerated() {
                out += String(repeating: " ", count: indent + 2)
                Self.writeString(key, to: &out)
                out += ": "
                value.write(to: &out, indent: indent + 2)
                out += i == members.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "[\n"
            for (i, value) in items.enumerated() {
                out += String(repeating: " ", count: indent + 2)
                value.write(to: &out, indent: indent + 2)
                out += i == items.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case .string(let s): Self.writeString(s, to: &out)
        case .number(let n): out += n
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        }
    }

    /// A JSON string, escaped by `JSONText.appendHTMLSafeString`.
    static func writeString(_ s: String, to out: inout String) {
        JSONText.appendHTMLSafeString(s, to: &out)
    }
}

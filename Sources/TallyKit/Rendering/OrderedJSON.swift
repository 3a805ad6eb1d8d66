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
        var out: [UInt8] = []
        write(to: &out, indent: 0)
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }

    /// The text of a value nested `indent` spaces deep (for a document written a piece at a time): no newline after it.
    func serialized(indent: Int) -> String {
        String(decoding: bytes(indent: indent), as: UTF8.self)
    }

    /// `serialized(indent:)` as UTF-8 bytes, written without going through `String`.
    func bytes(indent: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(to: &out, indent: indent)
        return out
    }

    private func write(to out: inout [UInt8], indent: Int) {
        switch self {
        case .object(let members):
            guard !members.isEmpty else { out += [0x7B, 0x7D]; return }
            out += [0x7B, 0x0A]
            for (i, (key, value)) in members.enumerated() {
                Self.spaces(indent + 2, to: &out)
                JSONText.appendHTMLSafeString(key, to: &out)
                out += [0x3A, 0x20]
                value.write(to: &out, indent: indent + 2)
                if i < members.count - 1 { out.append(0x2C) }
                out.append(0x0A)
            }
            Self.spaces(indent, to: &out)
            out.append(0x7D)
        case .array(let items):
            guard !items.isEmpty else { out += [0x5B, 0x5D]; return }
            out += [0x5B, 0x0A]
            for (i, value) in items.enumerated() {
                Self.spaces(indent + 2, to: &out)
                value.write(to: &out, indent: indent + 2)
                if i < items.count - 1 { out.append(0x2C) }
                out.append(0x0A)
            }
            Self.spaces(indent, to: &out)
            out.append(0x5D)
        case .string(let s): JSONText.appendHTMLSafeString(s, to: &out)
        case .number(let n): out += n.utf8
        case .bool(let b): out += b ? Array("true".utf8) : Array("false".utf8)
        case .null: out += [0x6E, 0x75, 0x6C, 0x6C]
        }
    }

    private static func spaces(_ count: Int, to out: inout [UInt8]) {
        out.append(contentsOf: repeatElement(0x20, count: count))
    }
}

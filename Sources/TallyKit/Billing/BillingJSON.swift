/// A JSON value with ordered object keys, for deterministic `invoices.json`.
enum BillingJSON {
    case string(String)
    case integer(Int64)
    case bool(Bool)
    case null
    case array([BillingJSON])
    case object([(String, BillingJSON)])

    /// A string, or `null` when absent.
    static func optional(_ value: String?) -> BillingJSON {
        value.map(BillingJSON.string) ?? .null
    }

    /// Pretty-printed text with two-space indents and a final newline.
    func rendered() -> String {
        var out = ""
        write(to: &out, indent: "")
        return out + "\n"
    }

    private func write(to out: inout String, indent: String) {
        switch self {
        case .string(let text): Self.writeString(text, to: &out)
        case .integer(let value): out += String(value)
        case .bool(let value): out += value ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            if items.isEmpty {
                out += "[]"
                return
            }
            out += "[\n"
            for (index, item) in items.enumerated() {
                out += indent + "  "
                item.write(to: &out, indent: indent + "  ")
                out += index + 1 < items.count ? ",\n" : "\n"
            }
            out += indent + "]"
        case .object(let pairs):
            if pairs.isEmpty {
                out += "{}"
                return
            }
            out += "{\n"
            for (index, (key, value)) in pairs.enumerated() {
                out += indent + "  "
                Self.writeString(key, to: &out)
                out += ": "
                value.write(to: &out, indent: indent + "  ")
                out += index + 1 < pairs.count ? ",\n" : "\n"
            }
            out += indent + "}"
        }
    }

    /// A JSON string; control characters, `<`, `>`, `&`, U+2028 and U+2029 escaped.
    static func writeString(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                out += unicodeEscape(scalar.value)
            default:
                if scalar.value < 0x20 { out += unicodeEscape(scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        out += "\""
    }

    private static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}

import Foundation

/// RFC 4180 field encoding with spreadsheet formula injection defused.
///
/// Text cells that start with `=`, `+`, `-`, `@`, a tab or a carriage return
/// get a leading `'` so a spreadsheet shows them as text instead of running
/// them (OWASP "CSV Injection"). Numbers are written by `number(_:)` and never
/// altered, so `-5` stays a number.
package enum CSVField {
    /// A text cell: defused, then quoted when it holds a comma, quote, CR or LF.
    package static func text(_ value: String) -> String {
        var v = value
        if let first = v.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            v = "'" + v
        }
        return quoted(v)
    }

    /// An optional text cell: empty when `nil`.
    package static func text(_ value: String?) -> String {
        value.map(text) ?? ""
    }

    /// A number cell: written as is (dot decimal, no thousands separator).
    package static func number<N: BinaryInteger>(_ value: N) -> String {
        String(value)
    }

    /// A pre-formatted numeric cell (a decimal string such as `12.50` or `-3`), never defused.
    package static func numeric(_ value: String) -> String {
        value
    }

    /// Quotes a field when RFC 4180 requires it, doubling quotes inside.
    package static func quoted(_ value: String) -> String {
        let needsQuotes = value.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One record: fields joined by commas, ended by CRLF.
    package static func row(_ fields: [String]) -> String {
        fields.joined(separator: ",") + "\r\n"
    }
}

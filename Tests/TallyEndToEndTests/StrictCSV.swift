import Foundation

/// A strict RFC 4180 reader over bytes, and the spreadsheet's idea of a formula.
///
/// Separators are found on bytes, never on `Character`s, so a comma followed by a
/// combining mark is a separator here as it is in every spreadsheet.
enum StrictCSV {
    /// Why a file is not RFC 4180.
    struct Malformed: Error, CustomStringConvertible {
        var offset: Int
        var reason: String
        var description: String { "byte \(offset): \(reason)" }
    }

    /// The records of `bytes` (a leading UTF-8 BOM skipped): every record ends with
    /// CRLF; a quote inside an unquoted field, a quoted field not closed or followed
    /// by other than a comma or CRLF, a bare CR or LF, or invalid UTF-8 is an error.
    static func records(_ bytes: [UInt8]) throws -> [[String]] {
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        guard i < bytes.count else { throw Malformed(offset: i, reason: "no header") }
        var records: [[String]] = []
        var record: [String] = []
        while i < bytes.count {
            var field: [UInt8] = []
            if bytes[i] == 0x22 {
                i += 1
                while true {
                    guard i < bytes.count else { throw Malformed(offset: i, reason: "unterminated quoted field") }
                    if bytes[i] == 0x22 {
                        if i + 1 < bytes.count, bytes[i + 1] == 0x22 {
                            field.append(0x22)
                            i += 2
                            continue
                        }
                        i += 1
                        break
                    }
                    field.append(bytes[i])
                    i += 1
                }
            } else {
                while i < bytes.count, bytes[i] != 0x2C, bytes[i] != 0x0D {
                    if bytes[i] == 0x22 { throw Malformed(offset: i, reason: "bare quote in an unquoted field") }
                    if bytes[i] == 0x0A { throw Malformed(offset: i, reason: "bare LF in an unquoted field") }
                    field.append(bytes[i])
                    i += 1
                }
            }
            guard let text = String(validating: field, as: UTF8.self) else {
                throw Malformed(offset: i, reason: "invalid UTF-8")
            }
            record.append(text)
            guard i < bytes.count else { throw Malformed(offset: i, reason: "last record not ended by CRLF") }
            if bytes[i] == 0x2C {
                i += 1
                if i == bytes.count { throw Malformed(offset: i, reason: "file ends after a comma") }
            } else if bytes[i] == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A {
                records.append(record)
                record = []
                i += 2
            } else {
                throw Malformed(offset: i, reason: "byte \(bytes[i]) after a field, expected a comma or CRLF")
            }
        }
        return records
    }

    /// Whether a spreadsheet would run the cell as a formula: it starts with a tab
    /// or CR, or its first character after whitespace (ASCII and the Unicode space
    /// separators) is `= + - @` or their full-width forms.
    static func looksLikeFormula(_ cell: String) -> Bool {
        guard let first = cell.unicodeScalars.first else { return false }
        if first == "\t" || first == "\r" { return true }
        let rest = cell.unicodeScalars.drop {
            $0.properties.generalCategory == .spaceSeparator || (0x09...0x0D).contains($0.value)
        }
        guard let lead = rest.first else { return false }
        return "=+-@\u{FF1D}\u{FF0B}\u{FF0D}\u{FF20}".unicodeScalars.contains(lead)
    }

    /// The cell as the data had it: without the leading `'` of a defused formula.
    static func undefused(_ cell: String) -> String {
        cell.hasPrefix("'") && looksLikeFormula(String(cell.dropFirst())) ? String(cell.dropFirst()) : cell
    }
}

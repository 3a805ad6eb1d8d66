/// The hash chain of the ledger: each entry's SHA-256 covers its own values, its
/// lines and the hash of the entry before, so changing, removing or reordering any
/// entry breaks every hash after it.
package enum LedgerChain {
    /// The `prev_hash` of the first entry.
    package static let genesis = String(repeating: "0", count: 64)

    /// The hex SHA-256 of the entry's canonical bytes (its `hash` field is not part of them).
    package static func hash(of entry: LedgerEntry) -> String {
        hex(SHA256.digest(canonical(entry)))
    }

    /// `tally-ledger-1`, the sequence number, then every value as a JSON string (or `null`),
    /// one field per line; lines and sub-lines follow their entry, each marked.
    static func canonical(_ entry: LedgerEntry) -> [UInt8] {
        var bytes = Array("tally-ledger-1\n\(entry.seq)\n".utf8)
        func append(_ values: [String?], mark: String) {
            bytes += Array(mark.utf8)
            for value in values {
                bytes.append(0x0A)
                if let value { JSONText.appendString(value, to: &bytes) } else { bytes += Array("null".utf8) }
            }
            bytes.append(0x0A)
        }
        append(entry.values, mark: "entry")
        for (index, line) in entry.lines.enumerated() {
            append(line.values, mark: "line \(index + 1)")
            for (row, tier) in line.tiers.enumerated() { append(tier.values, mark: "tier \(index + 1).\(row + 1)") }
        }
        return bytes
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Deterministic references for invoices without a ledger number: `<period label>-<short customer id>`,
/// never colliding (drafts add `DRAFT-` in front).
package enum InvoiceNumbering {
    /// The shortest prefix of each id, at least `minimumLength` long, that no other id shares.
    ///
    /// Ids made of letters, digits, `-` and `_` are used as they are; any other id
    /// (it could hold `/` or spaces and invoice numbers name files) is replaced by a
    /// 16-hex-digit FNV-1a hash of it first.
    package static func shortIDs(for ids: [String], minimumLength: Int = 8) -> [String: String] {
        Dictionary(ordered(ids, minimumLength: minimumLength).map { ($0.id, $0.short) }, uniquingKeysWith: { a, _ in a })
    }

    /// Each distinct id with its short id, in the order of the short ids (the order invoices are listed in).
    ///
    /// Memory is the sorted list itself: a short id depends only on its neighbours.
    package static func ordered(_ ids: [String], minimumLength: Int = 8) -> [(id: String, short: String)] {
        var pairs = ids.map { (id: $0, key: safeKey($0)) }
        pairs.sort { ($0.key, $0.id) < ($1.key, $1.id) }
        pairs = pairs.enumerated().filter { $0.offset == 0 || pairs[$0.offset - 1].id != $0.element.id }.map(\.element)
        var result: [(id: String, short: String)] = []
        result.reserveCapacity(pairs.count)
        var lastBase = ""
        var repeats = 0
        for (index, pair) in pairs.enumerated() {
            // In sorted order the longest prefix shared with any other key is shared with a neighbour.
            let before = index > 0 ? commonPrefixLength(pair.key, pairs[index - 1].key) : 0
            let after = index + 1 < pairs.count ? commonPrefixLength(pair.key, pairs[index + 1].key) : 0
            let base = String(pair.key.prefix(max(minimumLength, max(before, after) + 1)))
            // Only identical keys (a hash collision) share a base, and they sort next to each other.
            repeats = base == lastBase ? repeats + 1 : 0
            lastBase = base
            result.append((pair.id, repeats == 0 ? base : "\(base)-\(repeats + 1)"))
        }
        return result
    }

    /// `<label>-<short id>` for each customer id.
    package static func numbers(label: String, ids: [String]) -> [String: String] {
        shortIDs(for: ids).mapValues { "\(label)-\($0)" }
    }

    static func safeKey(_ id: String) -> String {
        let allowed = id.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
        }
        if allowed, !id.isEmpty { return id }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return "h" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    static func commonPrefixLength(_ a: String, _ b: String) -> Int {
        zip(a.unicodeScalars, b.unicodeScalars).prefix { $0 == $1 }.count
    }
}

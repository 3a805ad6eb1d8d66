/// File names made from ids in the data, which must never become paths.
package enum SafeFileName {
    /// `id` itself when it is a lowercase hyphenated UUID; otherwise `user-` and a
    /// 16-hex-digit hash of it, so `../../etc/passwd` or `a/b` can never name a path.
    package static func forID(_ id: String) -> String {
        if isUUID(id) { return id }
        let fingerprint = RecordFingerprint(kind: .user, id: id).value
        let hex = String(fingerprint, radix: 16)
        return "user-" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Whether `text` is a UUID in canonical form (8-4-4-4-12 lowercase hex digits).
    /// (Read in place: the report asks this of every job's id and user id.)
    package static func isUUID(_ text: String) -> Bool {
        guard text.utf8.count == 36 else { return false }
        var text = text
        return text.withUTF8 { bytes in
            for (i, b) in bytes.enumerated() {
                if i == 8 || i == 13 || i == 18 || i == 23 {
                    guard b == UInt8(ascii: "-") else { return false }
                } else {
                    guard (b >= 48 && b <= 57) || (b >= 97 && b <= 102) else { return false }
                }
            }
            return true
        }
    }
}

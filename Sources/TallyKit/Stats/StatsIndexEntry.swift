import Foundation

/// One line of `index.json`: a user, their stats file and job count.
struct StatsIndexEntry {
    var user: UserRecord
    var file: String
    var totalJobs: Int64

    /// `{"users":[{"id":…,"email":…,"full_name":…,"file":…,"total_jobs":…},…]}`, sorted by id;
    /// when `inactive` is not empty, then `"inactive_users":[{"id":…,"email":…,"full_name":…},…]`.
    static func encode(_ entries: [StatsIndexEntry], inactive: [UserRecord] = [], pretty: Bool) -> [UInt8] {
        var w = IndentingWriter(pretty: pretty)
        w.open("{")
        w.key("users"); w.open("[")
        for entry in entries {
            w.element(); w.open("{")
            identity(of: entry.user, &w)
            w.key("file"); w.string(entry.file)
            w.key("total_jobs"); w.raw(String(entry.totalJobs))
            w.close("}")
        }
        w.close("]")
        if !inactive.isEmpty {
            w.key("inactive_users"); w.open("[")
            for user in inactive {
                w.element(); w.open("{")
                identity(of: user, &w)
                w.close("}")
            }
            w.close("]")
        }
        w.close("}")
        w.bytes.append(0x0A)
        return w.bytes
    }

    /// The `id`, `email` and `full_name` fields of a user.
    private static func identity(of user: UserRecord, _ w: inout IndentingWriter) {
        w.key("id"); w.string(user.id)
        w.key("email"); w.optionalString(user.email)
        w.key("full_name"); w.optionalString(user.fullName)
    }
}

extension IndentingWriter {
    /// A JSON string, or `null` for `nil`.
    mutating func optionalString(_ text: String?) {
        if let text { string(text) } else { raw("null") }
    }
}

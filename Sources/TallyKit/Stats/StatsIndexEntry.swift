import Foundation

/// One line of `index.json`: a user, their stats file and job count.
struct StatsIndexEntry {
    var user: UserRecord
    var file: String
    var totalJobs: Int64

    /// `{"users":[{"id":…,"email":…,"full_name":…,"file":…,"total_jobs":…},…]}`, sorted by id.
    static func encode(_ entries: [StatsIndexEntry], pretty: Bool) -> [UInt8] {
        var w = IndentingWriter(pretty: pretty)
        w.open("{")
        w.key("users"); w.open("[")
        for entry in entries {
            w.element(); w.open("{")
            w.key("id"); w.string(entry.user.id)
            w.key("email"); w.optionalString(entry.user.email)
            w.key("full_name"); w.optionalString(entry.user.fullName)
            w.key("file"); w.string(entry.file)
            w.key("total_jobs"); w.raw(String(entry.totalJobs))
            w.close("}")
        }
        w.close("]")
        w.close("}")
        w.bytes.append(0x0A)
        return w.bytes
    }
}

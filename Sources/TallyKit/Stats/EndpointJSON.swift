/// Writes `EndpointStats` exactly as the endpoint's response body, or indented for people.
///
/// Compact form: no spaces, no trailing newline, keys in the endpoint's order,
/// timestamps as `Instant.apiString`, missing values `null` (`upstream.md`, "How the
/// response body is written"). Pretty form: the same values, two-space indents.
package enum EndpointJSON {
    /// The body bytes for `stats`.
    package static func encode(_ stats: EndpointStats, pretty: Bool) -> [UInt8] {
        var w = IndentingWriter(pretty: pretty)
        w.open("{")
        w.key("total_jobs"); w.raw(String(stats.totalJobs))
        w.key("total_documents"); w.raw(String(stats.totalDocuments))
        w.key("documents_processed"); w.raw(String(stats.documentsProcessed))
        w.key("documents_failed"); w.raw(String(stats.documentsFailed))
        w.key("jobs_by_status"); w.open("{")
        for (status, count) in stats.jobsByStatus {
            w.key(status); w.raw(String(count))
        }
        w.close("}")
        w.key("recent_activity"); w.open("[")
        for job in stats.recentActivity {
            w.element(); w.open("{")
            w.key("id"); w.string(job.id)
            w.key("job_type"); w.string(job.jobType)
            w.key("status"); w.string(job.status)
            w.key("total_documents"); w.raw(String(job.totalDocuments))
            w.key("processed_count"); w.raw(String(job.processedCount))
            w.key("failed_count"); w.raw(String(job.failedCount))
            w.key("started_at"); w.instant(job.startedAt)
            w.key("completed_at"); w.instant(job.completedAt)
            w.key("created_at"); w.instant(job.createdAt)
            w.close("}")
        }
        w.close("]")
        w.close("}")
        if pretty { w.bytes.append(0x0A) }
        return w.bytes
    }
}

/// A minimal JSON writer with fixed key order, compact or indented.
struct IndentingWriter {
    let pretty: Bool
    var bytes: [UInt8] = []
    private var depth = 0
    private var needsComma = false
    private var isEmpty = true

    init(pretty: Bool) {
        self.pretty = pretty
    }

    mutating func open(_ bracket: Character) {
        bytes.append(UInt8(ascii: bracket.unicodeScalars.first!))
        depth += 1
        needsComma = false
        isEmpty = true
    }

    mutating func close(_ bracket: Character) {
        depth -= 1
        if pretty && !isEmpty { newline() }
        bytes.append(UInt8(ascii: bracket.unicodeScalars.first!))
        needsComma = true
        isEmpty = false
    }

    mutating func key(_ name: String) {
        element()
        JSONText.appendString(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        if pretty { bytes.append(0x20) }
        needsComma = false
    }

    /// Starts an array element or object member: comma and indentation.
    mutating func element() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        if pretty { newline() }
        needsComma = false
        isEmpty = false
    }

    mutating func raw(_ text: String) {
        bytes += Array(text.utf8)
        needsComma = true
    }

    mutating func string(_ text: String) {
        JSONText.appendString(text, to: &bytes)
        needsComma = true
    }

    mutating func instant(_ value: Instant?) {
        if let value {
            bytes.append(UInt8(ascii: "\""))
            value.appendAPIBytes(to: &bytes)
            bytes.append(UInt8(ascii: "\""))
        } else {
            bytes += Array("null".utf8)
        }
        needsComma = true
    }

    private mutating func newline() {
        bytes.append(0x0A)
        bytes += [UInt8](repeating: 0x20, count: depth * 2)
    }
}

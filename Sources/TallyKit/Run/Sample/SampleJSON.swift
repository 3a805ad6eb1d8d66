/// How a JSON form of the sample spells its rows.
struct SampleJSONStyle: Sendable {
    /// Python `json.dumps` spacing (`", "` and `": "`), as the upstream export writes; else compact.
    var spaced: Bool
    /// JSON-valued columns (`config`, `tags`, `processing_metadata`) nested; else strings holding JSON.
    var nested: Bool
}

/// Appends one JSON object's members to a byte buffer, in the order they are given.
struct SampleJSONObject {
    private let style: SampleJSONStyle
    private var first = true

    /// Opens an object (`{`) in `out`.
    init(style: SampleJSONStyle, out: inout [UInt8]) {
        self.style = style
        out.append(UInt8(ascii: "{"))
    }

    private mutating func key(_ name: StaticString, _ out: inout [UInt8]) {
        if !first {
            out.append(UInt8(ascii: ","))
            if style.spaced { out.append(UInt8(ascii: " ")) }
        }
        first = false
        out.append(UInt8(ascii: "\""))
        out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        out.append(UInt8(ascii: "\""))
        out.append(UInt8(ascii: ":"))
        if style.spaced { out.append(UInt8(ascii: " ")) }
    }

    /// A string member, `null` when `nil`.
    mutating func string(_ name: StaticString, _ value: String?, _ out: inout [UInt8]) {
        key(name, &out)
        guard let value else { return out.append(contentsOf: "null".utf8) }
        SampleJSONObject.appendQuoted(value, to: &out)
    }

    /// An integer member.
    mutating func int(_ name: StaticString, _ value: Int, _ out: inout [UInt8]) {
        key(name, &out)
        out.append(contentsOf: String(value).utf8)
    }

    /// A boolean member.
    mutating func bool(_ name: StaticString, _ value: Bool, _ out: inout [UInt8]) {
        key(name, &out)
        out.append(contentsOf: (value ? "true" : "false").utf8)
    }

    /// A JSON-valued column: nested as is, or as a string holding it, per the style.
    mutating func json(_ name: StaticString, _ text: String?, _ out: inout [UInt8]) {
        guard style.nested else { return string(name, text, &out) }
        key(name, &out)
        out.append(contentsOf: (text ?? "null").utf8)
    }

    /// A member whose value the caller appends next.
    mutating func member(_ name: StaticString, _ out: inout [UInt8]) {
        key(name, &out)
    }

    /// Closes the object (`}`).
    func close(_ out: inout [UInt8]) {
        out.append(UInt8(ascii: "}"))
    }

    /// Appends `value` as a JSON string: quotes, backslashes and control characters escaped, UTF-8 kept.
    static func appendQuoted(_ value: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

/// The JSON spellings of the generated rows, columns in schema order.
enum SampleJSON {
    /// Appends a user object.
    static func appendUser(_ user: SampleUserRow, style: SampleJSONStyle, to out: inout [UInt8]) {
        var object = SampleJSONObject(style: style, out: &out)
        object.string("id", user.id, &out)
        object.string("email", user.email, &out)
        object.string("password_hash", user.passwordHash, &out)
        object.string("full_name", user.fullName, &out)
        object.bool("is_active", user.isActive, &out)
        object.bool("is_verified", user.isVerified, &out)
        object.string("created_at", user.createdAt, &out)
        object.string("updated_at", user.updatedAt, &out)
        object.close(&out)
    }

    /// Appends a job object; with `documents`, they are nested under a last `documents` key.
    static func appendJob(
        _ job: SampleJobRow, documents: ArraySlice<SampleDocumentRow>?, style: SampleJSONStyle, to out: inout [UInt8]
    ) {
        var object = SampleJSONObject(style: style, out: &out)
        object.string("id", job.id, &out)
        object.string("user_id", job.userID, &out)
        object.string("job_type", job.jobType, &out)
        object.string("status", job.status, &out)
        object.int("total_documents", job.totalDocuments, &out)
        object.int("processed_count", job.processedCount, &out)
        object.int("failed_count", job.failedCount, &out)
        object.json("config", job.config, &out)
        object.string("error_message", job.errorMessage, &out)
        object.string("started_at", job.startedAt, &out)
        object.string("completed_at", job.completedAt, &out)
        object.string("created_at", job.createdAt, &out)
        object.string("updated_at", job.updatedAt, &out)
        if let documents {
            object.member("documents", &out)
            out.append(UInt8(ascii: "["))
            for (k, document) in documents.enumerated() {
                if k > 0 { out.append(contentsOf: style.spaced ? [0x2C, 0x20] : [0x2C]) }
                appendDocument(document, style: style, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        }
        object.close(&out)
    }

    /// Appends a document object.
    static func appendDocument(_ document: SampleDocumentRow, style: SampleJSONStyle, to out: inout [UInt8]) {
        var object = SampleJSONObject(style: style, out: &out)
        object.string("id", document.id, &out)
        object.string("job_id", document.jobID, &out)
        object.string("user_id", document.userID, &out)
        object.string("title", document.title, &out)
        object.string("file_path", document.filePath, &out)
        object.string("file_source_type", document.fileSourceType, &out)
        object.int("file_size", document.fileSize, &out)
        object.string("mime_type", document.mimeType, &out)
        object.string("status", document.status, &out)
        object.json("tags", document.tags, &out)
        object.string("extracted_text", nil, &out)
        object.json("processing_metadata", document.metadata, &out)
        object.string("error_message", document.errorMessage, &out)
        object.string("processed_at", document.processedAt, &out)
        object.string("created_at", document.createdAt, &out)
        object.string("updated_at", document.updatedAt, &out)
        object.close(&out)
    }
}

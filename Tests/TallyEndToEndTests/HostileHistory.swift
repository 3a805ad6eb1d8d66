import Foundation

/// A small history whose every text field is hostile to CSV: a comma and a quote each
/// followed by U+0301 (one `Character` with the mark), a CR, an LF, and a formula
/// behind leading whitespace, NBSP, full-width `＝` and friends. Written by the test
/// as a SQLite database and as a JSON dump with the same rows, with a plan whose plan
/// name and customer key are hostile too.
struct HostileHistory {
    struct User { var id, email, name: String }
    struct Job {
        var id, user, type, status, model: String
        var error: String?
    }
    struct Document {
        var id, job, user, title, status: String
        var error: String?
    }

    /// Formula starters a spreadsheet trims or normalises before deciding.
    static let leads = [
        "  =1+1 ", "\u{A0}=2+2 ", "\u{FF1D}3+3 ", "\n=4+4 ", "\t@x ", " \u{3000}\u{FF0D}5 ", "+6 ", "\r=7 ",
        "\u{A0}\u{FF20}x ", "-8 ", "\u{2003}\u{FF0B}9 ", "\u{205F}=10 ",
    ]

    private(set) var users: [User] = []
    private(set) var jobs: [Job] = []
    private(set) var documents: [Document] = []
    let planName: String
    private var counter = 0

    /// A hostile value naming `what`; every one differs in its letters (error
    /// clusters ignore digits) and carries every hazard.
    mutating func hostile(_ what: String) -> String {
        defer { counter += 1 }
        let tag = String(UnicodeScalar(UInt8(0x61 + counter % 26))) + String(UnicodeScalar(UInt8(0x61 + counter / 26)))
        return Self.leads[counter % Self.leads.count] + what + tag + " Ann,\u{301}Lee say\"\u{301}hi cr\rmid lf\nend"
    }

    init() {
        planName = "  =plan,\u{301} \"\u{301}\r\n"
        for u in 0..<3 {
            let user = User(id: hostile("user"), email: hostile("mail") + "@example.com", name: hostile("name"))
            users.append(user)
            // Per user: a completed job (billed), a failed one (an error cluster) and one in a hostile status.
            for kind in 0..<3 {
                let status = kind == 0 ? "completed" : kind == 1 ? "failed" : hostile("status")
                let job = Job(
                    id: hostile("job"), user: user.id, type: hostile("type"), status: status, model: hostile("model"),
                    error: kind == 0 ? nil : hostile("job error"))
                jobs.append(job)
                for d in 0..<2 {
                    let failed = kind == 1 && d == 1
                    documents.append(Document(
                        id: String(format: "dddddddd-0000-4000-8000-%06d%06d", u * 3 + kind, d), job: job.id, user: user.id,
                        title: hostile("title"), status: failed ? "failed" : "success",
                        error: failed ? hostile("document error") : nil))
                }
            }
        }
    }

    /// Whether `text` carries every hazard: comma and quote before U+0301, CR, LF, a hidden formula.
    static func isHostile(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return text.contains(",\u{301}") && text.contains("\"\u{301}") && bytes.contains(0x0D) && bytes.contains(0x0A)
            && StrictCSV.looksLikeFormula(text)
    }

    /// Every error message a failed job or document carries (each one cluster's example).
    var failureMessages: Set<String> {
        Set(jobs.filter { $0.status == "failed" }.compactMap(\.error) + documents.filter { $0.status == "failed" }.compactMap(\.error))
    }

    /// The job's times: created, started and completed on 2026-11-10.
    private static let times = ("2026-11-10T10:00:00Z", "2026-11-10T10:00:05Z", "2026-11-10T10:01:00Z")

    /// The history as SQL for the `sqlite3` shell; text as hex blobs cast to TEXT, byte for byte.
    var sql: String {
        func text(_ s: String?) -> String {
            s.map { "CAST(X'" + $0.utf8.map { String(format: "%02X", $0) }.joined() + "' AS TEXT)" } ?? "NULL"
        }
        let (created, started, completed) = Self.times
        var sql = """
            CREATE TABLE users (id TEXT PRIMARY KEY, email TEXT UNIQUE NOT NULL, password_hash TEXT NOT NULL,
              full_name TEXT, is_active INTEGER DEFAULT 1, is_verified INTEGER DEFAULT 0, created_at TEXT, updated_at TEXT);
            \(jobsTableSQL)
            CREATE TABLE documents (id TEXT PRIMARY KEY, job_id TEXT, user_id TEXT, title TEXT NOT NULL,
              file_path TEXT NOT NULL, file_source_type TEXT NOT NULL, file_size INTEGER, mime_type TEXT,
              status TEXT NOT NULL DEFAULT 'pending', tags TEXT DEFAULT '[]', extracted_text TEXT,
              processing_metadata TEXT, error_message TEXT, processed_at TEXT, created_at TEXT, updated_at TEXT);

            """
        for u in users {
            sql += "INSERT INTO users VALUES(\(text(u.id)),\(text(u.email)),'x',\(text(u.name)),1,1,'2025-01-01T00:00:00Z',NULL);\n"
        }
        for j in jobs {
            let config = "{\"model_name\": \(jsonString(j.model))}"
            let failed = j.status == "failed" ? 1 : 0
            sql += "INSERT INTO jobs VALUES(\(text(j.id)),\(text(j.user)),\(text(j.type)),\(text(j.status)),2,\(2 - failed),"
                + "\(failed),\(text(config)),\(text(j.error)),'\(started)','\(completed)','\(created)','\(completed)');\n"
        }
        for d in documents {
            sql += "INSERT INTO documents VALUES('\(d.id)',\(text(d.job)),\(text(d.user)),\(text(d.title)),'a.pdf','upload',"
                + "1000,'application/pdf',\(text(d.status)),'[]',NULL,'{\"processing_time\": 1.5, \"tokens_used\": 100}',"
                + "\(text(d.error)),'\(completed)','\(created)',NULL);\n"
        }
        return sql
    }

    /// The same history as a full JSON dump.
    var dump: String {
        let (created, started, completed) = Self.times
        let userObjects = users.map {
            "{\"id\": \(jsonString($0.id)), \"email\": \(jsonString($0.email)), \"password_hash\": \"x\", "
                + "\"full_name\": \(jsonString($0.name)), \"is_active\": true, \"is_verified\": true, "
                + "\"created_at\": \"2025-01-01T00:00:00Z\", \"updated_at\": null}"
        }
        let jobObjects = jobs.map { j in
            let failed = j.status == "failed" ? 1 : 0
            return jobJSON(id: j.id, user: j.user, [
                "job_type": jsonString(j.type), "status": jsonString(j.status), "total_documents": "2",
                "processed_count": "\(2 - failed)", "failed_count": "\(failed)",
                "config": jsonString("{\"model_name\": \(jsonString(j.model))}"),
                "error_message": j.error.map(jsonString) ?? "null", "created_at": "\"\(created)\"",
                "started_at": "\"\(started)\"", "completed_at": "\"\(completed)\"", "updated_at": "\"\(completed)\"",
            ])
        }
        let documentObjects = documents.map { d in
            "{\"id\": \(jsonString(d.id)), \"job_id\": \(jsonString(d.job)), \"user_id\": \(jsonString(d.user)), "
                + "\"title\": \(jsonString(d.title)), \"file_path\": \"a.pdf\", \"file_source_type\": \"upload\", "
                + "\"file_size\": 1000, \"mime_type\": \"application/pdf\", \"status\": \(jsonString(d.status)), "
                + "\"tags\": [], \"extracted_text\": null, "
                + "\"processing_metadata\": {\"processing_time\": 1.5, \"tokens_used\": 100}, "
                + "\"error_message\": \(d.error.map(jsonString) ?? "null"), \"processed_at\": \"\(completed)\", "
                + "\"created_at\": \"\(created)\", \"updated_at\": null}"
        }
        return "{\"users\": [\(userObjects.joined(separator: ",\n"))],\n\"jobs\": [\(jobObjects.joined(separator: ",\n"))],\n"
            + "\"documents\": [\(documentObjects.joined(separator: ",\n"))]}\n"
    }

    /// A plan billing everyone on the hostile plan; the first user by id gets a discount (negative amounts).
    /// Names are JSON string literals, which YAML reads as the same strings.
    var plan: String {
        """
        currency: USD
        default_plan: \(jsonString(planName))
        plans:
          \(jsonString(planName)):
            base_fee: "10.00"
            charges:
              - metric: documents
                model: per_unit
                unit_price: "0.50"
        customers:
          \(jsonString(users[0].id)): { plan: \(jsonString(planName)), discount_percent: "10" }

        """
    }
}

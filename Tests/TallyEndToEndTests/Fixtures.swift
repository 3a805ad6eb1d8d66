import Foundation
import TallyKit
import Testing

/// A temporary directory removed when the value goes away.
final class TempDir: @unchecked Sendable {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "tally-e2e-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// The path of `name` inside the directory.
    func callAsFunction(_ name: String) -> String { path + "/" + name }

    /// Writes bytes to `name` and returns its path.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) -> String {
        _ = FileManager.default.createFile(atPath: self(name), contents: Data(bytes))
        return self(name)
    }

    /// Writes text to `name` and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) -> String { write(name, Array(text.utf8)) }

    /// Writes a generated sample history (SQLite, NDJSON, dump) into `subdirectory` and returns that directory.
    func sample(_ subdirectory: String = "sample", jobs: Int = 300, users: Int = 6, formats: [SampleOptions.Format] = [.sqlite, .ndjson, .dump]) throws -> String {
        let directory = self(subdirectory)
        _ = try SampleGenerator.write(SampleOptions(outputDirectory: directory, jobs: jobs, users: users, seed: 7, formats: formats))
        return directory
    }
}

/// A JSON string literal for `text`.
func jsonString(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
        }
    }
    return out + "\""
}

/// One job as a JSON object; `overrides` replace fields with raw JSON text (or add fields).
func jobJSON(
    id: String = "00000000-0000-4000-8000-000000000001", user: String = "11111111-1111-4111-8111-111111111111",
    _ overrides: [String: String] = [:]
) -> String {
    var fields: [(String, String)] = [
        ("id", jsonString(id)), ("user_id", jsonString(user)), ("job_type", "\"batch\""), ("status", "\"completed\""),
        ("total_documents", "3"), ("processed_count", "2"), ("failed_count", "1"), ("config", "null"),
        ("error_message", "null"), ("started_at", "\"2026-11-10T10:00:05Z\""),
        ("completed_at", "\"2026-11-10T10:01:00Z\""), ("created_at", "\"2026-11-10T10:00:00Z\""),
        ("updated_at", "\"2026-11-10T10:01:00Z\""),
    ]
    for (key, value) in overrides.sorted(by: { $0.key < $1.key }) {
        if let i = fields.firstIndex(where: { $0.0 == key }) { fields[i].1 = value } else { fields.append((key, value)) }
    }
    return "{" + fields.map { "\(jsonString($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
}

/// NDJSON text from job objects.
func ndjson(_ jobs: [String]) -> String { jobs.joined(separator: "\n") + "\n" }

/// A full dump (`{"users":[...],"jobs":[...],"documents":[...]}`) with one user per email.
func dumpJSON(users: [(id: String, email: String)], jobs: [String], documents: [String] = []) -> String {
    let userObjects = users.map {
        "{\"id\": \(jsonString($0.id)), \"email\": \(jsonString($0.email)), \"password_hash\": \"x\", \"full_name\": null, \"is_active\": true, \"is_verified\": true, \"created_at\": \"2025-01-01T00:00:00Z\", \"updated_at\": null}"
    }
    return "{\"users\": [\(userObjects.joined(separator: ",\n"))],\n\"jobs\": [\(jobs.joined(separator: ",\n"))],\n\"documents\": [\(documents.joined(separator: ",\n"))]}\n"
}

/// One document as a JSON object.
func documentJSON(id: String, job: String, user: String, title: String, filePath: String, status: String = "success", error: String? = nil) -> String {
    "{\"id\": \(jsonString(id)), \"job_id\": \(jsonString(job)), \"user_id\": \(jsonString(user)), \"title\": \(jsonString(title)), \"file_path\": \(jsonString(filePath)), \"file_source_type\": \"upload\", \"file_size\": 1000, \"mime_type\": \"application/pdf\", \"status\": \(jsonString(status)), \"tags\": [], \"extracted_text\": null, \"processing_metadata\": {\"processing_time\": 1.5, \"tokens_used\": 100}, \"error_message\": \(error.map(jsonString) ?? "null"), \"processed_at\": \"2026-11-10T10:00:30Z\", \"created_at\": \"2026-11-10T10:00:01Z\", \"updated_at\": null}"
}

/// Runs SQL through the `sqlite3` command-line shell.
func sqlite(_ database: String, _ sql: String) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["sqlite3", "-batch", database]
    let input = Pipe()
    process.standardInput = input
    try process.run()
    input.fileHandleForWriting.write(Data(sql.utf8))
    try input.fileHandleForWriting.close()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "sqlite3 failed on \(database)")
}

/// The upstream schema's `jobs` table.
let jobsTableSQL = """
    CREATE TABLE jobs (id TEXT PRIMARY KEY, user_id TEXT, job_type TEXT NOT NULL DEFAULT 'batch',
      status TEXT NOT NULL DEFAULT 'pending', total_documents INTEGER DEFAULT 0, processed_count INTEGER DEFAULT 0,
      failed_count INTEGER DEFAULT 0, config TEXT, error_message TEXT, started_at TEXT, completed_at TEXT,
      created_at TEXT, updated_at TEXT);
    """

/// An INSERT for one plain completed job with the given id.
func insertJobSQL(_ n: Int, status: String = "completed") -> String {
    let id = String(format: "00000000-0000-4000-8000-%012d", n)
    return "INSERT INTO jobs VALUES('\(id)','11111111-1111-4111-8111-111111111111','batch','\(status)',3,3,0,NULL,NULL,'2026-11-10T10:00:05Z','2026-11-10T10:01:00Z','2026-11-10T10:00:00Z','2026-11-10T10:01:00Z');"
}

/// The arguments of a November 2026 report of `sources` into `out`.
func reportArguments(_ sources: [String], out: String, _ extra: [String] = []) -> [String] {
    ["report"] + sources + ["--out", out, "--period", "2026-11", "--as-of", "2026-11-29T00:00:00Z"] + extra
}

/// Every regular file under `directory` (relative path to bytes); empty when it does not exist.
func snapshot(_ directory: String) -> [String: [UInt8]] {
    guard let walker = FileManager.default.enumerator(atPath: directory) else { return [:] }
    var files: [String: [UInt8]] = [:]
    while let name = walker.nextObject() as? String {
        var isDirectory: ObjCBool = false
        let path = directory + "/" + name
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
            files[name] = Array((try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data())
        }
    }
    return files
}

/// The names in `directory` (none when it does not exist).
func entries(_ directory: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
}

/// Whether anything exists at `path` (a dangling symlink counts).
func exists(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0
}

/// The text of a file ("" when missing).
func text(_ path: String) -> String {
    String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data(), as: UTF8.self)
}

/// Checks a fatal run: the exit status, exactly one stderr line, naming every `mentions`.
func expectFatal(
    _ result: RunResult, _ status: Int32, mentions: [String] = [], sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(result.status == status, "exit \(result.status), stderr: \(result.stderr)", sourceLocation: sourceLocation)
    #expect(result.errorLines.count == 1, "want one stderr line, got: \(result.stderr)", sourceLocation: sourceLocation)
    for word in mentions {
        #expect(result.stderr.contains(word), "stderr does not name '\(word)': \(result.stderr)", sourceLocation: sourceLocation)
    }
    #expect(!result.timedOut, sourceLocation: sourceLocation)
}

/// Runs a report that must fail and checks that nothing was written: `out` absent and no staging left.
func expectReportFails(
    _ sources: [String], in dir: TempDir, _ status: Int32, mentions: [String] = [], extra: [String] = [],
    sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let out = dir("out")
    let result = try Tally.run(reportArguments(sources, out: out, extra))
    expectFatal(result, status, mentions: mentions, sourceLocation: sourceLocation)
    #expect(!exists(out), "a failed run created \(out)", sourceLocation: sourceLocation)
    #expect(!entries(dir.path).contains { $0.hasPrefix(".out.") }, "staging or lock left behind", sourceLocation: sourceLocation)
}

/// Runs a report that must succeed; returns the result and the parsed usage.json.
func runReport(_ sources: [String], out: String, _ extra: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) throws -> (RunResult, [String: Any]) {
    let result = try Tally.run(reportArguments(sources, out: out, extra))
    #expect(result.status == 0, "exit \(result.status): \(result.stderr)", sourceLocation: sourceLocation)
    let usage = (try? JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/usage.json")))) as? [String: Any]
    return (result, usage ?? [:])
}

/// What `tally sample` generates and where it writes it.
package struct SampleOptions: Sendable, Equatable {
    /// An output form of the generated history.
    package enum Format: String, Sendable, CaseIterable, Comparable {
        /// `history.sqlite`: the upstream schema, written through the SQLite C API.
        case sqlite
        /// `jobs.ndjson`: one job object a line, JSON columns as strings (the upstream export).
        case ndjson
        /// `jobs.json`: a JSON array of job objects, JSON columns nested.
        case json
        /// `history.json`: a full dump, `{"users":[...],"jobs":[...],"documents":[...]}`.
        case dump

        /// The file this form is written to inside the output directory.
        package var fileName: String {
            switch self {
            case .sqlite: return "history.sqlite"
            case .ndjson: return "jobs.ndjson"
            case .json: return "jobs.json"
            case .dump: return "history.json"
            }
        }

        package static func < (lhs: Format, rhs: Format) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// The default end of the time window, 2026-11-29T00:00:00Z.
    package static let defaultEnd = Instant(seconds: 1_795_910_400)

    /// Directory the files are written to (created when missing).
    package var outputDirectory: String
    /// Number of jobs.
    package var jobs: Int
    /// Number of users (the first three are alice, bob and carol).
    package var users: Int
    /// The seed: the same seed and options give byte-identical files.
    package var seed: UInt64
    /// Length of the time window in days.
    package var days: Int
    /// The instant the time window ends at (exclusive).
    package var end: Instant
    /// The forms to write.
    package var formats: [Format]
    /// Whether documents are written (they are generated either way, so jobs do not change).
    package var documents: Bool
    /// Whether the deliberate bad rows are planted (`SampleAnomaly`).
    package var anomalies: Bool
    /// Whether NDJSON and JSON-array jobs carry their `documents` nested.
    package var nestDocuments: Bool

    /// Makes options; defaults: 120 days ending 2026-11-29, SQLite + NDJSON + dump, documents and anomalies on.
    package init(
        outputDirectory: String, jobs: Int, users: Int, seed: UInt64, days: Int = 120,
        end: Instant = SampleOptions.defaultEnd, formats: [Format] = [.sqlite, .ndjson, .dump],
        documents: Bool = true, anomalies: Bool = true, nestDocuments: Bool = false
    ) {
        self.outputDirectory = outputDirectory
        self.jobs = jobs
        self.users = users
        self.seed = seed
        self.days = days
        self.end = end
        self.formats = formats
        self.documents = documents
        self.anomalies = anomalies
        self.nestDocuments = nestDocuments
    }

    /// Checks the numbers; throws `TallyError.usage` naming the bad option.
    package func validate() throws {
        guard jobs >= 0 else { throw TallyError.usage("--jobs must be 0 or more, not \(jobs)") }
        guard users >= 1 else { throw TallyError.usage("--users must be at least 1, not \(users)") }
        guard days >= 1 else { throw TallyError.usage("--days must be at least 1, not \(days)") }
        guard !formats.isEmpty else { throw TallyError.usage("--formats must name at least one form") }
        let start = end.microseconds - Int64(days) * 86_400_000_000
        guard start >= 0, end.microseconds < 253_402_300_800_000_000 else {
            throw TallyError.usage("--end and --days must keep the window between 1970 and 9999")
        }
    }
}

/// A kind of deliberately bad row the generator plants when anomalies are on.
package enum SampleAnomaly: String, Sendable, CaseIterable {
    /// processed_count + failed_count > total_documents.
    case countersExceedTotal = "counters-exceed-total"
    /// completed_at earlier than started_at.
    case completedBeforeStarted = "completed-before-started"
    /// A completed job without completed_at.
    case terminalWithoutCompletedAt = "terminal-without-completed-at"
    /// Two jobs of alice with the same created_at instant, spelled differently.
    case createdAtTie = "created-at-tie"
    /// created_at at 1970-01-01T00:00:00Z.
    case epochCreatedAt = "epoch-created-at"
    /// created_at at 9999-12-31T23:59:59Z.
    case farFutureCreatedAt = "far-future-created-at"
}

/// What a `tally sample` run wrote.
package struct SampleSummary: Sendable, Equatable {
    /// Number of users, jobs and documents generated.
    package var users: Int
    package var jobs: Int
    package var documents: Int
    /// Paths of the files written, in format order.
    package var files: [String]
    /// The job ids of each planted anomaly (empty when anomalies are off).
    package var anomalies: [SampleAnomaly: [String]]

    /// One line for stderr.
    package var line: String {
        let planted = anomalies.values.reduce(0) { $0 + $1.count }
        return "sample: \(users) users, \(jobs) jobs, \(documents) documents, \(planted) planted anomaly rows -> "
            + files.joined(separator: ", ")
    }
}

/// One row of the upstream `jobs` table, as every source delivers it.
///
/// Statuses and job types are free strings: a value the tool does not know is
/// data and is counted under its own name (`upstream.md`).
public struct JobRecord: Sendable, Equatable {
    /// Job id; UUIDs are lowercased by the readers.
    public var id: String
    /// Owner; `nil` for legacy anonymous jobs.
    public var userID: String?
    /// `single`, `batch`, `webhook` or anything else found in the data.
    public var jobType: String
    /// `pending`, `processing`, `completed`, `failed`, `cancelled` or anything else.
    public var status: String
    public var totalDocuments: Int64
    public var processedCount: Int64
    public var failedCount: Int64
    /// `config.model_name`, when present.
    public var modelName: String?
    public var errorMessage: String?
    public var startedAt: Instant?
    public var completedAt: Instant?
    public var createdAt: Instant
    public var updatedAt: Instant?

    /// Makes a job record; counters default to zero.
    public init(
        id: String, userID: String?, jobType: String = "batch", status: String = "pending",
        totalDocuments: Int64 = 0, processedCount: Int64 = 0, failedCount: Int64 = 0,
        modelName: String? = nil, errorMessage: String? = nil,
        startedAt: Instant? = nil, completedAt: Instant? = nil, createdAt: Instant, updatedAt: Instant? = nil
    ) {
        self.id = id
        self.userID = userID
        self.jobType = jobType
        self.status = status
        self.totalDocuments = totalDocuments
        self.processedCount = processedCount
        self.failedCount = failedCount
        self.modelName = modelName
        self.errorMessage = errorMessage
        self.startedAt = startedAt
        self.completedAt = completedAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// What a source knows of a document's job when it reads the document.
///
/// SQLite sources join it in; nested JSON documents take it from their parent.
/// Billing attributes document metrics to the period of the job's completion.
public struct JobContext: Sendable, Equatable {
    public var userID: String?
    public var status: String
    public var createdAt: Instant?
    public var startedAt: Instant?
    public var completedAt: Instant?

    /// Makes a job context.
    public init(userID: String?, status: String, createdAt: Instant?, startedAt: Instant? = nil, completedAt: Instant?) {
        self.userID = userID
        self.status = status
        self.createdAt = createdAt
        self.startedAt = startedAt
        self.completedAt = completedAt
    }

    /// The context of a job record.
    public init(_ job: JobRecord) {
        self.init(
            userID: job.userID, status: job.status, createdAt: job.createdAt,
            startedAt: job.startedAt, completedAt: job.completedAt)
    }
}

/// One row of the upstream `documents` table, with the keys of its
/// `processing_metadata` that tally uses already decoded.
public struct DocumentRecord: Sendable, Equatable {
    public var id: String
    public var jobID: String?
    public var userID: String?
    public var title: String?
    /// `url`, `upload`, `s3` or anything else.
    public var fileSourceType: String?
    /// Bytes.
    public var fileSize: Int64?
    public var mimeType: String?
    /// `pending`, `processing`, `success`, `failed` or anything else.
    public var status: String
    /// `processing_metadata.processing_time`, seconds.
    public var processingTime: Double?
    /// `processing_metadata.tokens_used`.
    public var tokensUsed: Int64?
    /// `processing_metadata.extraction_method`.
    public var extractionMethod: String?
    public var errorMessage: String?
    public var processedAt: Instant?
    public var createdAt: Instant?
    /// The document's job as the source saw it, when it could.
    public var job: JobContext?

    /// Makes a document record.
    public init(
        id: String, jobID: String?, userID: String? = nil, title: String? = nil,
        fileSourceType: String? = nil, fileSize: Int64? = nil, mimeType: String? = nil,
        status: String = "pending", processingTime: Double? = nil, tokensUsed: Int64? = nil,
        extractionMethod: String? = nil, errorMessage: String? = nil,
        processedAt: Instant? = nil, createdAt: Instant? = nil, job: JobContext? = nil
    ) {
        self.id = id
        self.jobID = jobID
        self.userID = userID
        self.title = title
        self.fileSourceType = fileSourceType
        self.fileSize = fileSize
        self.mimeType = mimeType
        self.status = status
        self.processingTime = processingTime
        self.tokensUsed = tokensUsed
        self.extractionMethod = extractionMethod
        self.errorMessage = errorMessage
        self.processedAt = processedAt
        self.createdAt = createdAt
        self.job = job
    }
}

/// One row of the upstream `users` table.
public struct UserRecord: Sendable, Equatable {
    public var id: String
    public var email: String?
    public var fullName: String?
    public var isActive: Bool?

    /// Makes a user record.
    public init(id: String, email: String?, fullName: String? = nil, isActive: Bool? = nil) {
        self.id = id
        self.email = email
        self.fullName = fullName
        self.isActive = isActive
    }
}

/// A record read from a history source.
public enum HistoryRecord: Sendable, Equatable {
    case job(JobRecord)
    case document(DocumentRecord)
    case user(UserRecord)
}

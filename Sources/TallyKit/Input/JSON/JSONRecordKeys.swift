/// The keys tally reads from each kind of JSON object, as key tables and slot numbers.
enum JSONRecordKeys {
    static let jobNames = [
        "id", "user_id", "job_type", "status", "total_documents", "processed_count", "failed_count",
        "config", "error_message", "started_at", "completed_at", "created_at", "updated_at", "documents",
    ]
    static let job = JSONKeyTable(jobNames)
    static let (jobID, jobUser, jobType, jobStatus, jobTotal, jobProcessed, jobFailed) = (0, 1, 2, 3, 4, 5, 6)
    static let (jobConfig, jobError, jobStarted, jobCompleted, jobCreated, jobUpdated, jobDocuments) =
        (7, 8, 9, 10, 11, 12, 13)

    static let documentNames = [
        "id", "job_id", "user_id", "title", "file_source_type", "file_size", "mime_type", "status",
        "processing_metadata", "error_message", "processed_at", "created_at",
    ]
    static let document = JSONKeyTable(documentNames)
    static let (docID, docJob, docUser, docTitle, docSource, docSize, docMime, docStatus) = (0, 1, 2, 3, 4, 5, 6, 7)
    static let (docMetadata, docError, docProcessed, docCreated) = (8, 9, 10, 11)

    static let userNames = ["id", "email", "full_name", "is_active"]
    static let user = JSONKeyTable(userNames)

    static let configNames = ["model_name"]
    static let config = JSONKeyTable(configNames)

    static let metadataNames = ["processing_time", "tokens_used", "extraction_method"]
    static let metadata = JSONKeyTable(metadataNames)

    /// The keys of a history wrapper object: a jobs page or a full dump.
    static let wrapperNames = ["jobs", "users", "documents"]
    static let wrapper = JSONKeyTable(wrapperNames)
}

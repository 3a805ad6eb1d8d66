/// The job a nested document belongs to, as far as it could be read.
struct ParentJob {
    var id: String
    var userID: String?
    var context: JobContext
}

/// Turns scanned JSON objects into history records, following the field rules of `upstream.md`.
///
/// Ids are strings (UUIDs lowercased); a `user_id` key that is absent means
/// `ReadOptions.ownerOfUnownedRecords`, a `null` one anonymous. JSON columns
/// (`config`, `processing_metadata`) may be nested objects or strings holding
/// JSON; one that does not parse is ignored. Counters must be JSON integers.
final class JSONRecordDecoder {
    typealias K = JSONRecordKeys
    let options: ReadOptions
    /// One interner per column whose values repeat across rows, behind a pointer: a class's stored
    /// property passed `inout` costs a dynamic exclusivity check on every row.
    private let interners = UnsafeMutablePointer<JSONColumnInterners>.allocate(capacity: 1)
    /// The scanner's container stack, shared by every scan of one read.
    let stack = UnsafeMutablePointer<UInt8>.allocate(capacity: JSONScanner.maxDepth)
    /// Members of records, of documents nested in them, and of JSON columns.
    let recordScratch = JSONScanScratch(), nestedScratch = JSONScanScratch(), columnScratch = JSONScanScratch()
    /// Reused storage for JSON columns given as strings.
    private var columnText: [UInt8] = []
    /// The key order of each kind of object, learnt as rows are read.
    let jobOrder = JSONKeyOrder(), documentOrder = JSONKeyOrder(), userOrder = JSONKeyOrder()
    private let configOrder = JSONKeyOrder(), metadataOrder = JSONKeyOrder()
    /// This decoder's own key tables and names: the statics' reference counts, touched on every
    /// row, were written by every reading thread at once (one cache line between the cores).
    let jobKeys = JSONKeyTable(K.jobNames), documentKeys = JSONKeyTable(K.documentNames)
    let userKeys = JSONKeyTable(K.userNames)
    let jobNames = unshared(K.jobNames), documentNames = unshared(K.documentNames), userNames = unshared(K.userNames)
    private let configKeys = JSONKeyTable(K.configNames), metadataKeys = JSONKeyTable(K.metadataNames)
    private let configNames = unshared(K.configNames), metadataNames = unshared(K.metadataNames)
    /// `options.kinds`, looked up once.
    let wantsJobs: Bool, wantsDocuments: Bool, wantsUsers: Bool

    /// A decoder for one read.
    init(options: ReadOptions) {
        self.options = options
        wantsJobs = options.kinds.contains(.job)
        wantsDocuments = options.kinds.contains(.document)
        wantsUsers = options.kinds.contains(.user)
        interners.initialize(to: JSONColumnInterners())
    }

    deinit {
        stack.deallocate()
        interners.deinitialize(count: 1)
        interners.deallocate()
    }

    /// A job row.
    func job(_ o: JSONObject) throws(RowSkip) -> JobRecord {
        let id = try o.id(K.jobID)
        let userID = try o.owner(K.jobUser, absent: options.ownerOfUnownedRecords, &interners.pointee.userIDs)
        let jobType = try o.string(K.jobType, &interners.pointee.types) ?? "batch"
        let status = try o.string(K.jobStatus, &interners.pointee.statuses) ?? "pending"
        let total = try o.counter(K.jobTotal) ?? 0
        let processed = try o.counter(K.jobProcessed) ?? 0
        let failed = try o.counter(K.jobFailed) ?? 0
        let errorMessage = options.jobDetails ? try o.string(K.jobError) : try o.checkString(K.jobError)
        let startedAt = try o.timestamp(K.jobStarted, bad: .badValue)
        let completedAt = try o.timestamp(K.jobCompleted, bad: .badValue)
        let updatedAt = try o.timestamp(K.jobUpdated, bad: .badValue)
        guard let createdAt = try o.timestamp(K.jobCreated, bad: .badCreatedAt) else {
            throw RowSkip(reason: .badCreatedAt, detail: "created_at: missing")
        }
        let model = !options.jobDetails ? nil : embedded(o[K.jobConfig], keys: configKeys, names: configNames, order: configOrder) { config in
            config[0].flatMap { $0.isString ? $0.withContent { self.interners.pointee.models.string($0) } : nil }
        }
        return JobRecord(
            id: id, userID: userID, jobType: jobType, status: status,
            totalDocuments: total, processedCount: processed, failedCount: failed,
            modelName: model ?? nil, errorMessage: errorMessage,
            startedAt: startedAt, completedAt: completedAt, createdAt: createdAt, updatedAt: updatedAt)
    }

    /// A document row; a nested one takes its job id, owner and job context from `parent`.
    func document(_ o: JSONObject, parent: ParentJob?) throws(RowSkip) -> DocumentRecord {
        let id = options.documentIDs ? try o.id(K.docID) : try o.presentID(K.docID)
        let jobID = !options.documentDetails ? try o.checkString(K.docJob)
            : o.has(K.docJob) ? try o.owner(K.docJob, absent: nil, &interners.pointee.jobIDs) : parent?.id
        let userID = try o.owner(K.docUser, absent: parent.map(\.userID) ?? options.ownerOfUnownedRecords, &interners.pointee.userIDs)
        let size = try o.counter(K.docSize)
        let metadata = try metadata(o[K.docMetadata])
        return DocumentRecord(
            id: id, jobID: jobID, userID: userID, title: options.documentDetails ? try o.string(K.docTitle) : try o.checkString(K.docTitle),
            fileSourceType: try o.string(K.docSource, &interners.pointee.sources), fileSize: size,
            mimeType: try o.string(K.docMime, &interners.pointee.mimeTypes), status: try o.string(K.docStatus, &interners.pointee.statuses) ?? "pending",
            processingTime: metadata?.time, tokensUsed: metadata?.tokens, extractionMethod: metadata?.method,
            errorMessage: try o.string(K.docError),
            processedAt: try o.timestamp(K.docProcessed, bad: .badValue),
            createdAt: try o.timestamp(K.docCreated, bad: .badCreatedAt), job: parent?.context)
    }

    /// A user row.
    func user(_ o: JSONObject) throws(RowSkip) -> UserRecord {
        UserRecord(
            id: try o.id(0, &interners.pointee.userIDs), email: try o.string(1), fullName: try o.string(2),
            isActive: try o.bool(3))
    }

    private func metadata(_ value: JSONValue?) throws(RowSkip) -> (time: Double?, tokens: Int64?, method: String?)? {
        let found = embedded(value, keys: metadataKeys, names: metadataNames, order: metadataOrder) { m in
            let time = m[0].flatMap(\.double)
            let method = m[2].flatMap { $0.isString ? $0.withContent { self.interners.pointee.methods.string($0) } : nil }
            return Result<(Double?, Int64?, String?), RowSkip> { () throws(RowSkip) in
                (time, try m.counter(1), method)
            }
        }
        guard let found else { return nil }
        switch found {
        case .success(let v): return (v.0, v.1, v.2)
        case .failure(let skip):
            throw RowSkip(reason: skip.reason, detail: "processing_metadata." + skip.detail)
        }
    }

    /// Reads a JSON column given as a nested object or as a string holding one; nil when neither.
    private func embedded<R>(
        _ value: JSONValue?, keys: JSONKeyTable, names: [String], order: JSONKeyOrder, _ body: (JSONObject) -> R
    ) -> R? {
        guard let value else { return nil }
        if value.isObject {
            return scanObject(value.base, value.start, value.end, keys: keys, names: names, order: order, body)
        }
        guard value.isString else { return nil }
        var text = columnText
        columnText = []
        defer { columnText = text }
        JSONBytes.unescape(UnsafeBufferPointer(start: value.base + value.start + 1, count: value.end - value.start - 2),
                           into: &text)
        return text.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { scanObject($0, 0, buffer.count, keys: keys, names: names, order: order, body) }
        }
    }

    private func scanObject<R>(
        _ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int, keys: JSONKeyTable, names: [String],
        order: JSONKeyOrder, _ body: (JSONObject) -> R
    ) -> R? {
        var scanner = JSONScanner(base: base, start: start, end: end, hardEnd: true)
        guard !scanner.atEndAfterWhitespace(), base[scanner.i] == 0x7B else { return nil }
        let members: JSONMembers
        do {
            members = try columnScratch.scan(&scanner, collect: true, stack: stack)
        } catch {
            return nil
        }
        guard scanner.atEndAfterWhitespace() else { return nil }
        return body(JSONObject(base: base, members: members, keys: keys, names: names, order: order))
    }
}

/// The interners of one decoder, one per column whose values repeat across rows.
struct JSONColumnInterners {
    var userIDs = ByteInterner(lowercasesUUIDs: true)
    var jobIDs = ByteInterner(lowercasesUUIDs: true)
    var types = ByteInterner(lowercasesUUIDs: false, capacity: 256)
    var statuses = ByteInterner(lowercasesUUIDs: false, capacity: 256)
    var models = ByteInterner(lowercasesUUIDs: false, capacity: 1024)
    var sources = ByteInterner(lowercasesUUIDs: false, capacity: 256)
    var mimeTypes = ByteInterner(lowercasesUUIDs: false, capacity: 1024)
    var methods = ByteInterner(lowercasesUUIDs: false, capacity: 256)
}

/// A copy of `names` in an array of its own, not shared with another thread's decoder.
private func unshared(_ names: [String]) -> [String] { names.map { $0 } }

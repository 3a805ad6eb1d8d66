extension JSONRecordDecoder {
    /// Decodes the object `members` (bytes at `base`, whose index 0 is stream byte `baseOffset`)
    /// as a record of `kind` and hands it, or the note of why it was skipped, to `visitor`.
    func emit(
        _ kind: RecordKind, base: UnsafePointer<UInt8>, members: JSONMembers, at location: RecordLocation,
        baseOffset: Int, into visitor: inout some RecordVisitor
    ) throws {
        switch kind {
        case .user:
            guard wantsUsers else { return }
            let o = JSONObject(base: base, members: members, keys: userKeys, names: userNames, order: userOrder)
            try deliver(Result { () throws(RowSkip) in try .user(user(o)) }, kind, location, &visitor)
        case .document:
            guard wantsDocuments else { return }
            let o = JSONObject(base: base, members: members, keys: documentKeys, names: documentNames, order: documentOrder)
            try deliver(Result { () throws(RowSkip) in try .document(document(o, parent: nil)) }, kind, location, &visitor)
        case .job:
            guard wantsJobs || wantsDocuments else { return }
            let o = JSONObject(base: base, members: members, keys: jobKeys, names: jobNames, order: jobOrder)
            let nested = wantsDocuments ? o[K.jobDocuments].flatMap { $0.isArray ? $0 : nil } : nil
            let decoded: JobRecord
            do {
                decoded = try job(o)
            } catch {
                if wantsJobs {
                    try visitor.skip(SkippedRecord(location: location, kind: .job, reason: error.reason, detail: error.detail))
                }
                if let nested { try emitNested(nested, of: .failure(error), at: location, baseOffset: baseOffset, into: &visitor) }
                return
            }
            // The parent is taken before the job is handed on (`visit` consumes it: no copy of the record).
            let parent = nested == nil ? nil : ParentJob(id: decoded.id, userID: decoded.userID, context: JobContext(decoded))
            if wantsJobs { try visitor.visit(.job(consume decoded), at: location) }
            if let nested, let parent {
                try emitNested(nested, of: .success(parent), at: location, baseOffset: baseOffset, into: &visitor)
            }
        }
    }

    private func deliver(
        _ result: Result<HistoryRecord, RowSkip>, _ kind: RecordKind, _ location: RecordLocation,
        _ visitor: inout some RecordVisitor
    ) throws {
        switch result {
        case .success(let record): try visitor.visit(record, at: location)
        case .failure(let skip):
            try visitor.skip(SkippedRecord(location: location, kind: kind, reason: skip.reason, detail: skip.detail))
        }
    }

    /// The documents nested in a job (the upstream job-detail shape); skipped with their job when it is.
    private func emitNested(
        _ array: JSONValue, of job: Result<ParentJob, RowSkip>, at location: RecordLocation, baseOffset: Int,
        into visitor: inout some RecordVisitor
    ) throws {
        let parent = try? job.get()
        var scanner = JSONScanner(base: array.base, start: array.start + 1, end: array.end, hardEnd: true)
        var index = 0
        while !scanner.atEndAfterWhitespace(), array.base[scanner.i] != 0x5D {
            index += 1
            let start = scanner.i
            let isObject = array.base[start] == 0x7B
            let members: JSONMembers
            do {
                members = try nestedScratch.scan(&scanner, collect: isObject, stack: stack)
            } catch {
                return  // unreachable: the job was validated as a whole
            }
            let here = Self.nestedLocation(location, index: index, byteOffset: baseOffset + start)
            let result: Result<HistoryRecord, RowSkip>
            if !isObject {
                result = .failure(RowSkip(reason: .notAnObject, detail: "documents[\(index)]"))
            } else if case .failure(let skip) = job {
                result = .failure(RowSkip(reason: skip.reason, detail: "its job was skipped: \(skip.detail)"))
            } else {
                let o = JSONObject(
                    base: array.base, members: members, keys: documentKeys, names: documentNames, order: documentOrder)
                result = Result { () throws(RowSkip) in try .document(document(o, parent: parent)) }
            }
            try deliver(result, .document, here, &visitor)
            if !scanner.atEndAfterWhitespace(), array.base[scanner.i] == 0x2C { scanner.i += 1 }
        }
    }

    /// Where a nested document is: `jobs[3].documents[2] (byte b)`, or its job's line in NDJSON.
    static func nestedLocation(_ parent: RecordLocation, index: Int, byteOffset: Int) -> RecordLocation {
        switch parent.position {
        case .item(let array, let parentIndex, _):
            return RecordLocation(
                source: parent.source,
                position: .item(array: "\(array)[\(parentIndex)].documents", index: index, byteOffset: byteOffset))
        case .byteOffset:
            return RecordLocation(source: parent.source, position: .byteOffset(byteOffset))
        case .line, .row, .tuple:
            return parent
        }
    }
}

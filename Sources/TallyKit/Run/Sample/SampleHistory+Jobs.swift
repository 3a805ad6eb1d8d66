/// How one document of a job ends up.
enum SampleOutcome: Sendable {
    case success, failed, processing, pending

    var status: String {
        switch self {
        case .success: return "success"
        case .failed: return "failed"
        case .processing: return "processing"
        case .pending: return "pending"
        }
    }
}

extension SampleHistory {
    private static let types = ["single", "batch", "webhook"]
    private static let typeWeights = [55, 28, 17]
    private static let oldStatuses = ["completed", "failed", "cancelled", "pending", "processing", "partial", "queued"]
    private static let oldWeights = [845, 80, 45, 10, 10, 5, 5]
    private static let recentStatuses = ["pending", "processing", "completed"]
    private static let recentWeights = [35, 45, 20]

    /// Generates job `index`, filling `documents` (emptied first) with its documents.
    mutating func makeJob(index: Int, documents: inout [SampleDocumentRow]) -> SampleJobRow {
        documents.removeAll(keepingCapacity: true)
        let plan = plan(for: index)
        let id = rng.uuid()
        let userIndex = plan.userIndex.flatMap { $0 < users.count ? $0 : nil } ?? drawUserIndex()
        let userID = userIndex.map { users[$0].id }
        let jobType = Self.types[rng.weighted(Self.typeWeights)]
        let count = jobType == "single" ? 1 : jobType == "webhook" ? rng.int(1...3) : rng.skewed(2, 60, power: 3)
        let model = SampleVocabulary.modelNames[rng.weighted(SampleVocabulary.modelWeights)]
        let config = SampleJobConfig(
            modelName: model, numPages: rng.pick(SampleVocabulary.numPages), numTags: rng.pick(SampleVocabulary.numTags))
        let created = rng.timestamp(plan.created ?? drawCreatedInstant())
        var status = plan.status ?? drawStatus(created: created.instant)

        let started = created.instant.adding(microseconds: 1_000_000 + Int64(rng.skewed(0, 300_000_000, power: 3)))
        let outcomes = drawOutcomes(status: status, count: count)
        var cursor = started
        var processedAt: [Instant?] = []
        var metadata: [SampleProcessingMetadata?] = []
        for outcome in outcomes {
            guard outcome == .success || outcome == .failed else {
                processedAt.append(nil)
                metadata.append(nil)
                continue
            }
            let meta = drawMetadata(success: outcome == .success, config: config)
            cursor = cursor.adding(microseconds: Int64(meta.processingMillis) * 1000 + Int64(rng.below(500_000)))
            processedAt.append(cursor)
            metadata.append(meta)
        }
        var outcomesNow = outcomes
        var completed: Instant? = nil
        if ["completed", "failed", "cancelled", "partial"].contains(status) {
            let pause = status == "cancelled" ? rng.int(1_000_000...600_000_000) : rng.int(50_000...2_000_000)
            completed = cursor.adding(microseconds: Int64(pause))
        }
        var startedNow: Instant? = ["pending", "queued"].contains(status) ? nil : started
        if plan.status == nil, let s = startedNow, (completed ?? s) >= options.end {
            // Not finished by the end of the window: in flight at the snapshot.
            completed = nil
            status = s >= options.end ? "pending" : "processing"
            if s >= options.end { startedNow = nil }
            var first = s < options.end
            for k in outcomesNow.indices where (processedAt[k] ?? options.end) >= options.end {
                outcomesNow[k] = first ? .processing : .pending
                first = false
                processedAt[k] = nil
                metadata[k] = nil
            }
        }

        var firstError: String? = nil
        for k in outcomesNow.indices {
            let error = outcomesNow[k] == .failed ? rng.errorMessage(model: model) : nil
            if firstError == nil { firstError = error }
            documents.append(makeDocument(
                jobID: id, userID: userID, created: created.instant, outcome: outcomesNow[k],
                processedAt: processedAt[k], metadata: metadata[k], numTags: config.numTags, error: error))
        }
        let processed = outcomesNow.reduce(0) { $0 + ($1 == .success ? 1 : 0) }
        let failed = outcomesNow.reduce(0) { $0 + ($1 == .failed ? 1 : 0) }
        let startedText = startedNow.map { rng.timestamp($0) }
        let completedText = completed.map { rng.timestamp($0) }
        let latest = completed ?? startedNow ?? created.instant
        var job = SampleJobRow(
            id: id, userID: userID, jobType: jobType, status: status, totalDocuments: count,
            processedCount: processed, failedCount: failed, modelName: model, config: config.jsonText,
            errorMessage: jobError(status: status, failed: failed, count: count, firstError: firstError),
            startedAt: startedText?.text, completedAt: completedText?.text, createdAt: created.text,
            updatedAt: rng.chance(perMille: 700) ? rng.timestamp(latest).text : nil)
        if let anomaly = plan.anomaly {
            plant(anomaly, in: &job, started: startedText?.instant)
        }
        return job
    }

    private mutating func drawStatus(created: Instant) -> String {
        if options.end.microseconds - created.microseconds < 7_200_000_000 {
            return Self.recentStatuses[rng.weighted(Self.recentWeights)]
        }
        return Self.oldStatuses[rng.weighted(Self.oldWeights)]
    }

    private mutating func drawOutcomes(status: String, count: Int) -> [SampleOutcome] {
        var outcomes: [SampleOutcome] = []
        outcomes.reserveCapacity(count)
        switch status {
        case "completed":
            for _ in 0..<count { outcomes.append(count > 1 && rng.chance(perMille: 30) ? .failed : .success) }
        case "failed", "partial":
            let rate = status == "failed" ? 500 : 300
            for _ in 0..<count { outcomes.append(rng.chance(perMille: rate) ? .failed : .success) }
            if !outcomes.contains(.failed) { outcomes[0] = .failed }
            if status == "partial", count > 1, !outcomes.contains(.success) { outcomes[count - 1] = .success }
        case "cancelled", "processing":
            let cut = rng.below(count)
            for k in 0..<count {
                if k < cut {
                    outcomes.append(rng.chance(perMille: 30) ? .failed : .success)
                } else {
                    outcomes.append(k == cut && status == "processing" ? .processing : .pending)
                }
            }
        default:
            outcomes = Array(repeating: .pending, count: count)
        }
        return outcomes
    }

    private func jobError(status: String, failed: Int, count: Int, firstError: String?) -> String? {
        switch status {
        case "failed": return count > 1 ? "Batch aborted: \(failed) of \(count) documents failed" : firstError
        case "partial": return "\(failed) of \(count) documents failed"
        case "cancelled": return failed > 0 ? "Cancelled by user" : nil
        default: return nil
        }
    }

    private mutating func plant(_ anomaly: SampleAnomaly, in job: inout SampleJobRow, started: Instant?) {
        switch anomaly {
        case .countersExceedTotal:
            job.processedCount = job.totalDocuments
            job.failedCount += 1
        case .completedBeforeStarted:
            let before = (started ?? options.end).adding(microseconds: -Int64(rng.int(60...7200)) * 1_000_000)
            job.completedAt = rng.timestamp(before).text
        case .terminalWithoutCompletedAt:
            job.completedAt = nil
        case .createdAtTie:
            break
        case .epochCreatedAt:
            job.createdAt = "1970-01-01T00:00:00Z"
        case .farFutureCreatedAt:
            job.createdAt = "9999-12-31T23:59:59Z"
        }
        recordPlanted(anomaly, id: job.id)
    }
}

extension SampleHistory {
    /// The processing metadata of a document that was processed (successfully or not).
    mutating func drawMetadata(success: Bool, config: SampleJobConfig) -> SampleProcessingMetadata {
        let scanned = rng.chance(perMille: 250)
        let pages = rng.skewed(1, 120, power: 3)
        let millis = scanned ? rng.skewed(3_000, 90_000, power: 2) + pages * 400 : rng.skewed(200, 8_000, power: 2)
        let tokens = success ? min(pages, config.numPages) * rng.int(300...900) + rng.below(400) : rng.below(500)
        return SampleProcessingMetadata(
            processingMillis: millis, tokensUsed: tokens, extractionMethod: scanned ? "ocr" : "pdf_parser",
            isScanned: scanned, ocrConfidencePerMille: scanned ? rng.int(550...999) : nil,
            numPages: rng.chance(perMille: 600) ? pages : nil)
    }

    /// One document row of a job, its timestamps spelled at random.
    mutating func makeDocument(
        jobID: String, userID: String?, created: Instant, outcome: SampleOutcome,
        processedAt: Instant?, metadata: SampleProcessingMetadata?, numTags: Int, error: String?
    ) -> SampleDocumentRow {
        let id = rng.uuid()
        let title = "\(rng.pick(SampleVocabulary.titleKinds)) \(rng.pick(SampleVocabulary.titleSubjects)) \(rng.int(2019...2026))"
        let source = SampleVocabulary.sourceTypes[rng.weighted(SampleVocabulary.sourceWeights)]
        let number = rng.int(1...999_999)
        let path: String
        switch source {
        case "url": path = "https://x.example/a/\(number).pdf"
        case "s3": path = "s3://acme-docs/inbox/\(number).pdf"
        default: path = "uploads/\(number % 1000)/\(number).pdf"
        }
        let size = rng.skewed(20_000, 30_000_000, power: 2)
        let tags = outcome == .success ? drawTags(count: min(numTags, rng.int(1...5))) : "[]"
        let createdText = rng.timestamp(created.adding(microseconds: Int64(rng.below(900_000)))).text
        let processed = processedAt.map { rng.timestamp($0) }
        return SampleDocumentRow(
            id: id, jobID: jobID, userID: userID, title: title, filePath: path, fileSourceType: source,
            fileSize: size, mimeType: "application/pdf", status: outcome.status, tags: tags,
            metadata: metadata?.jsonText, errorMessage: error, processedAt: processed?.text, createdAt: createdText,
            updatedAt: processed.map { rng.timestamp($0.instant).text })
    }

    /// A JSON array of `count` distinct tags, e.g. `["finance", "report"]`.
    private mutating func drawTags(count: Int) -> String {
        let words = SampleVocabulary.tags
        let start = rng.below(words.count)
        var text = "["
        for k in 0..<count {
            if k > 0 { text += ", " }
            text += "\"" + words[(start + k * 3) % words.count] + "\""
        }
        return text + "]"
    }
}

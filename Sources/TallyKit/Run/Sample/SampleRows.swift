/// A generated `users` row, its columns as the upstream database stores them.
public struct SampleUserRow: Sendable, Equatable {
    public var id: String
    public var email: String
    public var passwordHash: String
    public var fullName: String
    public var isActive: Bool
    public var isVerified: Bool
    public var createdAt: String
    public var updatedAt: String?
}

/// A generated job's `config` column: the model and the extraction settings.
public struct SampleJobConfig: Sendable, Equatable {
    public var modelName: String
    public var numPages: Int
    public var numTags: Int

    /// The JSON text as the upstream service stores it (Python `json.dumps` spacing).
    public var jsonText: String {
        "{\"model_name\": \"\(modelName)\", \"num_pages\": \(numPages), \"num_tags\": \(numTags)}"
    }
}

/// A generated `jobs` row; timestamps are texts in their generated spellings.
public struct SampleJobRow: Sendable, Equatable {
    public var id: String
    public var userID: String?
    public var jobType: String
    public var status: String
    public var totalDocuments: Int
    public var processedCount: Int
    public var failedCount: Int
    /// `config.model_name`, kept beside the JSON text for writers and tests.
    public var modelName: String
    /// The `config` column's JSON text.
    public var config: String
    public var errorMessage: String?
    public var startedAt: String?
    public var completedAt: String?
    public var createdAt: String
    public var updatedAt: String?
}

/// A generated document's `processing_metadata` column.
public struct SampleProcessingMetadata: Sendable, Equatable {
    /// `processing_time` in milliseconds (written as seconds with three decimals).
    public var processingMillis: Int
    public var tokensUsed: Int
    /// `pdf_parser` or `ocr`.
    public var extractionMethod: String
    public var isScanned: Bool
    /// `ocr_confidence` in thousandths; `nil` (JSON null) without OCR.
    public var ocrConfidencePerMille: Int?
    /// `num_pages`, present on some rows only.
    public var numPages: Int?

    /// The JSON text as the upstream service stores it (Python `json.dumps` spacing).
    public var jsonText: String {
        var text = "{\"processing_time\": \(Self.decimal(processingMillis)), \"tokens_used\": \(tokensUsed), "
        text += "\"extraction_method\": \"\(extractionMethod)\", \"is_scanned\": \(isScanned ? "true" : "false"), "
        text += "\"ocr_confidence\": \(ocrConfidencePerMille.map(Self.decimal) ?? "null")"
        if let numPages { text += ", \"num_pages\": \(numPages)" }
        return text + "}"
    }

    /// `n / 1000` written with exactly three decimals, without floating point.
    static func decimal(_ thousandths: Int) -> String {
        let fraction = String(thousandths % 1000)
        return "\(thousandths / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}

/// A generated `documents` row; timestamps are texts in their generated spellings.
public struct SampleDocumentRow: Sendable, Equatable {
    public var id: String
    public var jobID: String
    public var userID: String?
    public var title: String
    public var filePath: String
    public var fileSourceType: String
    public var fileSize: Int
    public var mimeType: String
    public var status: String
    /// The `tags` column's JSON text, e.g. `["finance", "report"]`.
    public var tags: String
    /// The `processing_metadata` column's JSON text; `nil` before processing.
    public var metadata: String?
    public var errorMessage: String?
    public var processedAt: String?
    public var createdAt: String
    public var updatedAt: String?
}

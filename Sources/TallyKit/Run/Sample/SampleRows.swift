/// A generated `users` row, its columns as the upstream database stores them.
package struct SampleUserRow: Sendable, Equatable {
    package var id: String
    package var email: String
    package var passwordHash: String
    package var fullName: String
    package var isActive: Bool
    package var isVerified: Bool
    package var createdAt: String
    package var updatedAt: String?
}

/// A generated job's `config` column: the model and the extraction settings.
package struct SampleJobConfig: Sendable, Equatable {
    package var modelName: String
    package var numPages: Int
    package var numTags: Int

    /// The JSON text as the upstream service stores it (Python `json.dumps` spacing).
    package var jsonText: String {
        "{\"model_name\": \"\(modelName)\", \"num_pages\": \(numPages), \"num_tags\": \(numTags)}"
    }
}

/// A generated `jobs` row; timestamps are texts in their generated spellings.
package struct SampleJobRow: Sendable, Equatable {
    package var id: String
    package var userID: String?
    package var jobType: String
    package var status: String
    package var totalDocuments: Int
    package var processedCount: Int
    package var failedCount: Int
    /// `config.model_name`, kept beside the JSON text for writers and tests.
    package var modelName: String
    /// The `config` column's JSON text.
    package var config: String
    package var errorMessage: String?
    package var startedAt: String?
    package var completedAt: String?
    package var createdAt: String
    package var updatedAt: String?
}

/// A generated document's `processing_metadata` column.
package struct SampleProcessingMetadata: Sendable, Equatable {
    /// `processing_time` in milliseconds (written as seconds with three decimals).
    package var processingMillis: Int
    package var tokensUsed: Int
    /// `pdf_parser` or `ocr`.
    package var extractionMethod: String
    package var isScanned: Bool
    /// `ocr_confidence` in thousandths; `nil` (JSON null) without OCR.
    package var ocrConfidencePerMille: Int?
    /// `num_pages`, present on some rows only.
    package var numPages: Int?

    /// The JSON text as the upstream service stores it (Python `json.dumps` spacing).
    package var jsonText: String {
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
package struct SampleDocumentRow: Sendable, Equatable {
    package var id: String
    package var jobID: String
    package var userID: String?
    package var title: String
    package var filePath: String
    package var fileSourceType: String
    package var fileSize: Int
    package var mimeType: String
    package var status: String
    /// The `tags` column's JSON text, e.g. `["finance", "report"]`.
    package var tags: String
    /// The `processing_metadata` column's JSON text; `nil` before processing.
    package var metadata: String?
    package var errorMessage: String?
    package var processedAt: String?
    package var createdAt: String
    package var updatedAt: String?
}

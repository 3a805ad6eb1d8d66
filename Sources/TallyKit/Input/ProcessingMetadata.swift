/// The keys of a document's `processing_metadata` JSON that tally uses, as
/// every reader of JSON text cells (SQLite, PostgreSQL `jsonb`) reads them.
struct ProcessingMetadata {
    /// `processing_time` in seconds (an integer or a fraction).
    var processingTime: Double?
    /// `tokens_used`, when an integer.
    var tokensUsed: Int64?
    /// `extraction_method`, when a string.
    var extractionMethod: String?

    private static let keys = ["processing_time", "tokens_used", "extraction_method"].map { Array($0.utf8) }

    /// The fields of the JSON object in `text` (empty: none), using `storage` for the scan (reused across rows).
    init(_ text: UnsafeBufferPointer<UInt8>, storage: inout [JSONTextFields.Value?]) {
        _ = JSONTextFields.values(in: text, keys: Self.keys, into: &storage)
        switch storage[0] {
        case .real(let x): processingTime = x
        case .integer(let n): processingTime = Double(n)
        default: processingTime = nil
        }
        if case .integer(let n) = storage[1] { tokensUsed = n }
        if case .string(let text) = storage[2] { extractionMethod = text }
    }
}

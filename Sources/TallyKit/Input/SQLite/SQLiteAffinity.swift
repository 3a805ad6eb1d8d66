/// A column's type affinity, from its declared type by SQLite's rules
/// (https://sqlite.org/datatype3.html#determination_of_column_affinity).
enum Affinity: Equatable {
    case integer, text, blob, real, numeric

    /// The affinity of a column declared with `declared` (empty: no type, `blob`).
    init(declared: String) {
        let type = declared.uppercased()
        if type.contains("INT") {
            self = .integer
        } else if type.contains("CHAR") || type.contains("CLOB") || type.contains("TEXT") {
            self = .text
        } else if type.contains("BLOB") || type.isEmpty {
            self = .blob
        } else if type.contains("REAL") || type.contains("FLOA") || type.contains("DOUB") {
            self = .real
        } else {
            self = .numeric
        }
    }

    private var isNumeric: Bool { self == .integer || self == .real || self == .numeric }

    /// Whether `jobs.id = ?1`, with a `documents.job_id` value bound, converts the
    /// operands as `jobs.id = documents.job_id` does.
    ///
    /// A bound value has no affinity, so the lookup applies the jobs column's
    /// numeric or text affinity to it, and nothing when that column has none.
    /// The join does the same when the documents column has no affinity, when
    /// the jobs column is numeric (numeric wins), or when both are alike; it
    /// differs otherwise (a numeric `job_id` makes the join convert `jobs.id`).
    static func bindingComparesLikeJoin(job: Affinity, document: Affinity) -> Bool {
        document == .blob || job.isNumeric || job == document
    }
}

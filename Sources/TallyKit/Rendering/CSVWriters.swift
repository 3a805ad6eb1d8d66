/// The CSV files of `tally report` written by code, row by row, through `CSVField`.
///
/// Every file has a header row, CRLF line ends, UTF-8, and an optional BOM.
struct ReportCSV {
    /// Whether each file starts with a UTF-8 byte-order mark (`--csv-bom`).
    let bom: Bool

    /// `usage_by_customer.csv`: one row per customer, anonymous included (empty user_id).
    func customers(_ rows: [CustomerRow]) -> [UInt8] {
        var out = start([
            "user_id", "email", "name", "jobs", "documents", "processed", "failed", "success_rate",
            "processing_seconds", "tokens", "first_activity", "last_activity",
        ])
        for r in rows {
            out += row([
                CSVField.text(r.userID), CSVField.text(r.email), CSVField.text(r.name),
                CSVField.number(r.jobs), CSVField.number(r.documents), CSVField.number(r.processed),
                CSVField.number(r.failed), CSVField.numeric(PlainFormat.fraction(r.successRate)),
                CSVField.numeric(PlainFormat.seconds(micros: r.processingMicros)), CSVField.number(r.tokens),
                CSVField.numeric(PlainFormat.iso(r.firstActivity)), CSVField.numeric(PlainFormat.iso(r.lastActivity)),
            ])
        }
        return out
    }

    /// `usage_daily.csv`: one row per time-series bucket (days, or hours for short periods).
    func daily(_ series: TimeSeries) -> [UInt8] {
        var out = start(["bucket_start", "label", "granularity", "jobs_created", "documents_processed", "documents_failed"])
        for b in series.buckets {
            out += row([
                CSVField.numeric(b.start.isoString), CSVField.text(b.label), CSVField.text(series.granularity.rawValue),
                CSVField.number(b.jobsCreated), CSVField.number(b.documentsProcessed), CSVField.number(b.documentsFailed),
            ])
        }
        return out
    }

    /// `errors.csv`: the error clusters, largest first.
    func errors(_ section: ErrorSection) -> [UInt8] {
        var out = start([
            "rank", "normalized_message", "example_message", "count", "jobs", "documents",
            "first_seen", "last_seen", "share_of_failures",
        ])
        for (i, c) in section.clusters.enumerated() {
            out += row([
                CSVField.number(i + 1), CSVField.text(c.normalizedMessage), CSVField.text(c.exampleMessage),
                CSVField.number(c.count), CSVField.number(c.jobs), CSVField.number(c.documents),
                CSVField.numeric(PlainFormat.iso(c.firstSeen)), CSVField.numeric(PlainFormat.iso(c.lastSeen)),
                CSVField.numeric(PlainFormat.fraction(c.shareOfFailures)),
            ])
        }
        return out
    }

    private func start(_ header: [String]) -> [UInt8] {
        (bom ? [0xEF, 0xBB, 0xBF] : []) + row(header.map(CSVField.text))
    }

    private func row(_ fields: [String]) -> [UInt8] {
        Array(CSVField.row(fields).utf8)
    }
}

/// `jobs.csv`, streamed by the caller during the scan: a header, then one row per job.
package struct JobsCSVWriter: Sendable {
    /// The file name.
    package static let fileName = "jobs.csv"
    /// Whether the header is preceded by a UTF-8 BOM.
    package let bom: Bool

    /// Makes a writer; `bom` is `--csv-bom`.
    package init(bom: Bool = false) {
        self.bom = bom
    }

    /// The first bytes of the file: optional BOM and the header row (CRLF-terminated).
    package var header: String {
        (bom ? "\u{FEFF}" : "") + CSVField.row([
            "id", "user_id", "job_type", "status", "total_documents", "processed_count", "failed_count",
            "model_name", "error_message", "created_at", "started_at", "completed_at", "updated_at",
        ])
    }

    /// One job as a CSV record (CRLF-terminated); timestamps ISO 8601 UTC, text defused.
    package func row(_ job: JobRecord) -> String {
        var bytes: [UInt8] = []
        append(job, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `row(job)`'s bytes without building strings (the report writes one per job).
    package func append(_ job: JobRecord, to out: inout [UInt8]) {
        // Field by field, no array literals: this runs once per job of the report.
        CSVField.appendText(job.id, to: &out)
        out.append(0x2C)
        CSVField.appendText(job.userID, to: &out)
        out.append(0x2C)
        CSVField.appendText(job.jobType, to: &out)
        out.append(0x2C)
        CSVField.appendText(job.status, to: &out)
        out.append(0x2C)
        CSVField.appendNumber(job.totalDocuments, to: &out)
        out.append(0x2C)
        CSVField.appendNumber(job.processedCount, to: &out)
        out.append(0x2C)
        CSVField.appendNumber(job.failedCount, to: &out)
        out.append(0x2C)
        CSVField.appendText(job.modelName, to: &out)
        out.append(0x2C)
        CSVField.appendText(job.errorMessage, to: &out)
        out.append(0x2C)
        CSVField.appendInstant(job.createdAt, to: &out)
        out.append(0x2C)
        CSVField.appendInstant(job.startedAt, to: &out)
        out.append(0x2C)
        CSVField.appendInstant(job.completedAt, to: &out)
        out.append(0x2C)
        CSVField.appendInstant(job.updatedAt, to: &out)
        out.append(0x0D); out.append(0x0A)
    }
}

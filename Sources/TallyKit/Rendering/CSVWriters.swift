/// The CSV files of `tally report` written by code, record by record, through `CSVDocument`.
///
/// Every file has a header row, CRLF line ends, UTF-8, and an optional BOM.
struct ReportCSV {
    /// Whether each file starts with a UTF-8 byte-order mark (`--csv-bom`).
    let bom: Bool

    /// `usage_by_customer.csv`: one row per customer, anonymous included (empty user_id).
    func customers(_ rows: [CustomerRow]) -> [UInt8] {
        var csv = CSVDocument(header: [
            "user_id", "email", "name", "jobs", "documents", "processed", "failed", "success_rate",
            "processing_seconds", "tokens", "first_activity", "last_activity",
        ], bom: bom)
        for r in rows {
            csv.append([
                .text(r.userID), .text(r.email), .text(r.name), .integer(r.jobs), .integer(r.documents),
                .integer(r.processed), .integer(r.failed), .fraction(r.successRate),
                .seconds(micros: r.processingMicros), .integer(r.tokens),
                .instant(r.firstActivity), .instant(r.lastActivity),
            ])
        }
        return csv.bytes
    }

    /// `usage_daily.csv`: one row per time-series bucket (days, or hours for short periods).
    func daily(_ series: TimeSeries) -> [UInt8] {
        var csv = CSVDocument(
            header: ["bucket_start", "label", "granularity", "jobs_created", "documents_processed", "documents_failed"],
            bom: bom)
        for b in series.buckets {
            csv.append([
                .instant(b.start), .text(b.label), .text(series.granularity.rawValue),
                .integer(b.jobsCreated), .integer(b.documentsProcessed), .integer(b.documentsFailed),
            ])
        }
        return csv.bytes
    }

    /// `usage_trends.csv`: the last periods and the report's, oldest first (the last row is the report's).
    func trends(_ trends: Trends) -> [UInt8] {
        var csv = CSVDocument(
            header: ["period_start", "period_end", "label", "unit", "jobs", "documents", "processed", "failed", "failure_rate"],
            bom: bom)
        for p in trends.points {
            csv.append([
                .instant(p.from), .instant(p.to), .text(p.label), .text(trends.unit), .integer(p.jobs),
                .integer(p.documents), .integer(p.processed), .integer(p.failed), .fraction(p.failureRate),
            ])
        }
        return csv.bytes
    }

    /// `errors.csv`: the error clusters, largest first.
    func errors(_ section: ErrorSection) -> [UInt8] {
        var csv = CSVDocument(header: [
            "rank", "normalized_message", "example_message", "count", "jobs", "documents",
            "first_seen", "last_seen", "share_of_failures",
        ], bom: bom)
        for (i, c) in section.clusters.enumerated() {
            csv.append([
                .integer(Int64(i + 1)), .text(c.normalizedMessage), .text(c.exampleMessage),
                .integer(c.count), .integer(c.jobs), .integer(c.documents),
                .instant(c.firstSeen), .instant(c.lastSeen), .fraction(c.shareOfFailures),
            ])
        }
        return csv.bytes
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

    /// The columns, in order.
    static let columns = [
        "id", "user_id", "job_type", "status", "total_documents", "processed_count", "failed_count",
        "model_name", "error_message", "created_at", "started_at", "completed_at", "updated_at",
    ]

    /// The first bytes of the file: optional BOM and the header row (CRLF-terminated).
    package var header: String {
        String(decoding: CSVDocument(header: Self.columns, bom: bom).bytes, as: UTF8.self)
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
        CSVField.appendInteger(job.totalDocuments, to: &out)
        out.append(0x2C)
        CSVField.appendInteger(job.processedCount, to: &out)
        out.append(0x2C)
        CSVField.appendInteger(job.failedCount, to: &out)
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
        CSVField.endRecord(&out)
    }
}

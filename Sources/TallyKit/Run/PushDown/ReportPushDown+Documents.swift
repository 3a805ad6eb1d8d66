extension ReportPushDown {
    /// Adds the usable documents (joined to their jobs as a read joins them): owners, the period's
    /// time series and failures per source type and extraction method, and per customer (the
    /// failures' messages and rows: `failuresAndDetails`). Returns how many documents were counted.
    ///
    /// - Throws: `TallyError.cannotOpen` when a query fails.
    static func addDocuments(
        _ source: PostgresSource, _ documents: PostgresSource.PushDownDocuments, _ sql: ReportPushDownSQL,
        _ usage: inout UsageAccumulator, cancellation: Cancellation?
    ) throws -> Int64 {
        var count: Int64 = 0
        let touch = "SELECT \(documents.owner), count(*) FROM \(documents.from) WHERE \(documents.usable) GROUP BY 1"
        try source.pushDownRows(touch, wires: [.uuid, .integer]) { row in
            usage.customers.touch(row.uuid(0), default: CustomerTally())
            count += row.integer(1)
        }
        try cancellation?.check()
        let counted = "\(documents.usable) AND \(sql.includes(documents.owner)) AND \(sql.inPeriod(documents.instant))"
        try periodDocuments(source, documents, sql, counted, &usage)
        let customers = """
            SELECT \(documents.owner), \(ReportPushDownSQL.sum(documents.processingMicros)), \(ReportPushDownSQL.sum(documents.tokens)),
              min(\(documents.instant)), max(\(documents.instant))
            FROM \(documents.withMetadata) WHERE \(counted) GROUP BY 1
            """
        try source.pushDownRows(customers, wires: [.uuid, .integer, .integer, .timestamp, .timestamp]) { row in
            var customer = CustomerTally()
            customer.processingMicros = row.integer(1)
            customer.tokens = row.integer(2)
            if let first = row.instant(3) { customer.see(first) }
            if let last = row.instant(4) { customer.see(last) }
            usage.customers.update(row.uuid(0), default: CustomerTally()) { $0.merge(customer) }
        }
        return count
    }

    /// The period's documents' resources, and failures per source type and extraction method.
    private static func periodDocuments(
        _ source: PostgresSource, _ documents: PostgresSource.PushDownDocuments, _ sql: ReportPushDownSQL, _ counted: String,
        _ usage: inout UsageAccumulator
    ) throws {
        let query = """
            SELECT \(documents.status), \(documents.sourceType), \(documents.extraction), count(*),
              \(ReportPushDownSQL.sum(documents.processingMicros)), \(ReportPushDownSQL.sum(documents.tokens)),
              \(ReportPushDownSQL.sum(documents.bytes))
            FROM \(documents.withMetadata) WHERE \(counted) GROUP BY 1, 2, 3
            """
        let wires: [PushDownWire] = [.text, .text, .text, .integer, .integer, .integer, .integer]
        var time = TimeTally(buckets: 0, days: 0)
        var errors = ErrorTally()
        try source.pushDownRows(query, wires: wires) { row in
            let failed = (row.text(0) ?? "pending") == "failed", count = row.integer(3)
            time.docProcessingMicros = saturatingAdd(time.docProcessingMicros, row.integer(4))
            time.tokens = saturatingAdd(time.tokens, row.integer(5))
            time.bytes = saturatingAdd(time.bytes, row.integer(6))
            errors.bySourceType.add(row.text(1), failed: failed, count: count)
            errors.byExtraction.add(row.text(2), failed: failed, count: count)
        }
        var resources = TimeTally(buckets: sql.scope.bucketStarts.count, days: sql.scope.dayStarts.count)
        resources.docProcessingMicros = time.docProcessingMicros
        resources.tokens = time.tokens
        resources.bytes = time.bytes
        usage.time.merge(resources)
        usage.errors.merge(errors)
    }
}

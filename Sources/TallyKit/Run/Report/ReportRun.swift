import Foundation
import Logging

/// `tally report`: reads the sources once, computes usage (and invoices with a
/// plan), renders every output into a staging directory, and swaps it into place.
package enum ReportRun {
    /// Runs a report request; `cancellation` (set by a signal) stops it cleanly.
    ///
    /// - Throws: `TallyError` / `PlanError` with their exit statuses, `Interrupted` when
    ///   cancelled; nothing is written to `outDirectory` unless the whole run succeeds,
    ///   and a refused `outDirectory` is refused before anything is created.
    package static func run(_ request: ReportRequest, logger: Logger, cancellation: Cancellation = Cancellation()) throws -> ReportOutcome {
        let started = DispatchTime.now()
        if request.pushDown {
            try PushDownSources.check(request.sources)
            // Billing lists single jobs per window (in flight, unbillable): not pushed down yet.
            guard request.planPath == nil else { throw TallyError.usage("--push-down does not bill yet: run invoices without it") }
        }
        let target = try OutputTarget(request.outDirectory)
        let plan = try request.planPath.map { try PlanLoader.load(path: $0) }
        let zoneName = request.zoneID ?? plan?.timeZone ?? "UTC"
        let zone = try ZonedCalendar.zone(named: zoneName)
        let calendar = ZonedCalendar(zone: zone)
        let period = try PeriodResolver.resolve(
            request.period ?? .thisMonth, calendar: calendar, asOf: request.asOf, stuckAfterMicros: request.stuckAfterMicros,
            zoneName: zoneName)
        let billing = try plan.map { plan -> (Plan, BillingCalendar, [BillingPeriod]) in
            let (billingCalendar, periods) = try BillingStage.periods(plan: plan, period: period)
            return (plan, billingCalendar, periods)
        }
        let (templates, templateWarnings) = try TemplateSet.load(overrides: request.templatesDirectory)
        for warning in templateWarnings { logger.warning("\(warning)") }
        // A spooled standard input is removed when the last of these sources goes.
        let sources = try request.sources.map { try SourceOpener.open($0, cancellation: cancellation) }
        let chosen = try resolveUsers(request.users, sources: sources, cancellation: cancellation)
        logger.info("period", metadata: ["label": "\(period.label)", "from": "\(period.from.isoString)", "to": "\(period.to.isoString)", "zone": "\(zoneName)"])

        return try OutputLock.holding(target) {
            let directory = try ReportDirectory(target: target, fileMode: mode_t(request.fileMode))
            for path in StaleStaging.remove(besides: target, except: directory.staging) {
                logger.warning("removed a staging directory left by an interrupted earlier run", metadata: ["path": "\(path)"])
            }
            do {
                let (outcome, billing) = try produce(
                    request, plan: billing, period: period, calendar: calendar, templates: templates, sources: sources,
                    chosen: chosen, directory: directory, cancellation: cancellation, logger: logger)
                // The ledger first: a report never shows final invoices the ledger does not hold.
                try cancellation.check()
                try billing?.ledger?.commit()
                try directory.commit(cancellation: cancellation)
                for warning in billing?.warnings ?? [] { logger.warning("\(warning)") }
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
                logger.info("report written", metadata: ["directory": "\(request.outDirectory)", "seconds": "\(String(format: "%.2f", seconds))"])
                return outcome
            } catch {
                directory.discard()
                throw error
            }
        }
    }

    /// Resolves `--user` values to ids; emails need the users of the sources.
    static func resolveUsers(_ wanted: [String], sources: [any HistorySource], cancellation: Cancellation? = nil) throws -> [String: String]? {
        guard !wanted.isEmpty else { return nil }
        let directory = wanted.contains { $0.contains("@") } ? try UserPrepass.users(in: sources, cancellation: cancellation) : UserDirectory()
        var ids: [String: String] = [:]
        for value in wanted {
            if let user = directory.user(matching: value) {
                ids[value] = user.id
            } else if value.contains("@") {
                throw TallyError.unknownUser(value, suggestion: directory.nearest(to: value))
            } else {
                ids[value] = SafeFileName.isUUID(value.lowercased()) ? value.lowercased() : value
            }
        }
        return ids
    }

    private static func produce(
        _ request: ReportRequest, plan: (Plan, BillingCalendar, [BillingPeriod])?, period: ReportPeriod, calendar: ZonedCalendar,
        templates: TemplateSet, sources: [any HistorySource], chosen: [String: String]?, directory: ReportDirectory,
        cancellation: Cancellation, logger: Logger
    ) throws -> (ReportOutcome, BillingOutcome?) {
        var billingScope = ReportScope(period: period, calendar: calendar, users: chosen.map { Set($0.values) })
        billingScope.billingWindows = plan?.2.map(\.window) ?? []
        let earlier = plan.map {
            RevenueStage.earlierPeriods(calendar: $0.1, report: $0.2, bounds: billingScope.trendBounds, asOf: period.asOf)
        } ?? []
        billingScope.trendBillingWindows = earlier.map(\.window)
        let scope = billingScope
        // The run's `jobs.csv` sink: spools the scan's accumulators fill, joined after rendering.
        let spools = SpoolFactory(directory: directory.staging, bom: request.csvBOM)
        let writeJobs = request.formats.contains(.csv)
        let progress = request.showProgress ? ScanProgress() : nil
        var read = ReadOptions(documentDetails: false)
        read.lenient = request.lenient
        // With --push-down the scan reads the users and the rows a read skips (their warnings); the database counts the rest.
        read.onlySkippedRows = request.pushDown
        let options = ScanOptions(
            read: read, parallelism: request.parallelism, strict: request.strict, progress: progress,
            cancellation: cancellation, passDiscarded: { spools.removeAll() })
        let scanStart = DispatchTime.now()
        progress?.start()
        defer { progress?.stop() }
        var result = try HistoryScan.run(sources, options: options) {
            ReportAccumulator(
                usage: UsageAccumulator(scope: scope), stats: EndpointStatsAccumulator(capped: false, onlyUsers: scope.users),
                spool: writeJobs ? spools.make() : nil)
        }
        if request.pushDown, let source = sources.first as? PostgresSource {
            try ReportPushDown.add(
                source, to: &result.aggregate, diagnostics: &result.diagnostics, listJobs: writeJobs, cancellation: cancellation)
        }
        progress?.stop()
        logger.info("scan done", metadata: ["seconds": "\(elapsed(since: scanStart))"])
        try cancellation.scanned()
        StatsRun.report(result.diagnostics, logger: logger)
        if let chosen {
            for (given, id) in chosen.sorted(by: { $0.key < $1.key })
            where result.users[id] == nil && !result.aggregate.usage.usersSeen.contains(id) {
                let seen = result.aggregate.usage.usersSeen.compactMap { $0 }
                throw TallyError.unknownUser(given, suggestion: result.users.nearest(to: given, otherIDs: seen))
            }
        }
        // Each source's own name: a database's is its address without the password.
        let sourceRows = sources.map { source in
            SourceRead(
                name: source.name, format: source.formatName,
                rows: (result.diagnostics.rowsRead[source.name] ?? [:]).values.reduce(0, +))
        }
        for source in sourceRows {
            logger.info("source read", metadata: [
                "source": "\(source.name)", "format": "\(source.format)", "rows": "\(source.rows)",
                "bytes": "\(source.name == "-" || source.format == "postgresql" ? 0 : FileSize.of(source.name))",
            ])
        }
        let renderStart = DispatchTime.now()
        var report = result.aggregate.usage.report(
            users: result.users, diagnostics: result.diagnostics, sources: sourceRows, userFilter: request.users)
        var billing: BillingOutcome?
        if let (plan, billingCalendar, periods) = plan {
            billing = try BillingStage.run(
                plan: plan, calendar: billingCalendar, periods: periods, tally: result.aggregate.usage.billing,
                users: result.users, scope: scope, request: request, sourceNames: sources.map(\.name),
                templates: templates, directory: directory, linkCustomers: PageRenderer.linkedCustomers(report),
                earlier: earlier, cancellation: cancellation, logger: logger)
            report.billing = billing?.summary
            RevenueStage.apply(
                billing?.revenueTotals, omitted: billing?.revenueOmitted, currency: plan.currency, cycle: billingCalendar.cycle,
                to: &report.trends)
            result.aggregate.usage.releaseBilling()
        }
        var pages: (written: [(name: String, bytes: Int)], folders: [WrittenFiles.Folder]) = ([], [])
        if request.formats.contains(.html) {
            pages = try PagesStage.write(
                report, invoiceLinks: billing?.invoiceLinks ?? [:], templates: templates, zone: calendar.zone, request: request,
                directory: directory, listPages: logger.logLevel <= .debug, cancellation: cancellation)
        }
        let files = try ReportFileSet.render(
            report, stats: result.aggregate.stats, users: result.users, scope: scope, request: request,
            templates: templates, zone: calendar.zone)
        logger.info("rendered", metadata: ["files": "\(files.count)", "seconds": "\(elapsed(since: renderStart))"])
        try cancellation.check()
        let writeStart = DispatchTime.now()
        let jobsPath = directory.stagingPath(JobsCSVWriter.fileName)
        let jobSpools = result.aggregate.jobs.spools
        let fileMode = mode_t(request.fileMode)
        let joinJobs: @Sendable () throws -> Void = {
            try spools.concatenate(jobSpools, into: jobsPath, mode: fileMode, cancellation: cancellation)
        }
        try ReportStaging.write(
            files, joinJobs: writeJobs ? joinJobs : nil, into: directory, width: request.parallelism, cancellation: cancellation)
        var written = files.map { ($0.name, $0.bytes.count) } + (billing?.written ?? []) + pages.written
        if writeJobs { written.append((JobsCSVWriter.fileName, FileSize.of(jobsPath))) }
        let countedFolders = (billing?.countedFolders ?? []) + pages.folders
        logWritten(written, counted: countedFolders, logger: logger)
        let counted = countedFolders.reduce(0) { $0 + $1.files }
        logger.info("files staged", metadata: ["files": "\(written.count + counted)", "seconds": "\(elapsed(since: writeStart))"])
        let outcome = ReportOutcome(
            directory: request.outDirectory, files: written, period: period, sources: sourceRows,
            skippedRows: result.diagnostics.totalSkipped,
            duplicatesMerged: result.diagnostics.duplicatesMerged.values.reduce(0, +),
            customers: report.customers.count, invoices: Int(billing?.invoices ?? 0),
            countedFolders: countedFolders)
        return (outcome, billing)
    }

    /// One `wrote` line per top-level file and per subfolder at info; each file of a subfolder at debug.
    static func logWritten(_ files: [(name: String, bytes: Int)], counted: [WrittenFiles.Folder] = [], logger: Logger) {
        let listing = WrittenFiles(files, counted: counted)
        for file in listing.topLevel {
            logger.info("wrote", metadata: ["file": "\(file.name)", "bytes": "\(file.bytes)"])
        }
        for folder in listing.folders {
            logger.info("wrote", metadata: ["folder": "\(folder.name)/", "files": "\(folder.files)", "bytes": "\(folder.bytes)"])
        }
        guard logger.logLevel <= .debug else { return }
        for file in files.sorted(by: { $0.name < $1.name }) where file.name.contains("/") {
            logger.debug("wrote", metadata: ["file": "\(file.name)", "bytes": "\(file.bytes)"])
        }
    }

    static func elapsed(since start: DispatchTime) -> String {
        String(format: "%.3f", Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
    }
}

/// The size of a file in bytes (0 when it cannot be read).
enum FileSize {
    static func of(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }
}

import Foundation
import Logging

/// `tally stats`: the endpoint's object for one user on stdout, or for every user into a directory.
package enum StatsRun {
    /// Runs a stats request; returns the bytes for standard output (empty for `--all-users`).
    ///
    /// - Throws: `TallyError` with its exit status: 66 for an unknown user or an
    ///   unreadable source, 65 for bad data under `--strict`, 73 for unwritable output,
    ///   77 for an inactive user under `--api-compat` (the endpoint answers them 403);
    ///   `Interrupted` when `cancellation` is set (a signal).
    package static func run(_ request: StatsRequest, logger: Logger, cancellation: Cancellation = Cancellation()) throws -> [UInt8] {
        if request.allUsers {
            try writeAllUsers(request, cancellation: cancellation, logger: logger)
            return []
        }
        guard let wanted = request.user else { throw TallyError.usage("--user or --all-users is required") }
        if request.pushDown {
            throw TallyError.usage("--push-down is for --all-users; one user's stats already read only their rows through the index")
        }
        let sources = try request.sources.map { try SourceOpener.open($0, cancellation: cancellation) }
        let selection = try UserSelection.resolve(wanted, sources: sources, cancellation: cancellation)
        try refuseInactive(selection.record, wanted, request)
        var read = ReadOptions(kinds: [.job, .user], ownerOfUnownedRecords: selection.id, jobDetails: false)
        read.lenient = request.lenient
        // Only the user's rows through an index, when no row can be merged with one of another
        // source: a merge picks the winner of an id among all its versions, which a filter would hide.
        if sources.count == 1, let only = sources.first, !only.idsMayRepeat {
            read.onlyJobsFor = JobOwnerFilter(
                userID: selection.id, newest: request.apiCompat ? EndpointStatsAccumulator.endpointLimit : nil)
        }
        let options = ScanOptions(read: read, parallelism: request.parallelism, strict: request.strict, cancellation: cancellation)
        let result = try HistoryScan.run(sources, options: options) {
            EndpointStatsAccumulator(capped: request.apiCompat, onlyUsers: [selection.id])
        }
        report(result.diagnostics, logger: logger)
        let known = result.users.user(matching: wanted) != nil || selection.record != nil
            || result.aggregate.userIDsWithJobs.contains(selection.id)
        guard known else { throw TallyError.unknownUser(wanted, suggestion: result.users.nearest(to: wanted)) }
        try refuseInactive(result.users.user(matching: wanted), wanted, request)
        let id = result.users.user(matching: wanted)?.id ?? selection.id
        return EndpointJSON.encode(result.aggregate.stats(for: id), pretty: request.pretty)
    }

    /// `--all-users --out DIR`: the folder is replaced as a whole, like a report, so it
    /// holds exactly the users of this run; the same lock keeps two runs apart.
    private static func writeAllUsers(_ request: StatsRequest, cancellation: Cancellation, logger: Logger) throws {
        guard let out = request.outDirectory else { throw TallyError.usage("--all-users needs --out DIR") }
        if request.pushDown { try PushDownSources.check(request.sources) }
        let target = try OutputTarget(out, recognises: StatsFiles.isEarlierOutput)
        let sources = try request.sources.map { try SourceOpener.open($0, cancellation: cancellation) }
        try OutputLock.holding(target) {
            let directory = try ReportDirectory(target: target, fileMode: mode_t(request.fileMode), recognises: StatsFiles.isEarlierOutput)
            for path in StaleStaging.remove(besides: target, except: directory.staging) {
                logger.warning("removed a staging directory left by an interrupted earlier run", metadata: ["path": "\(path)"])
            }
            do {
                var read = ReadOptions(kinds: [.job, .user], jobDetails: false)
                read.lenient = request.lenient
                // With --push-down the scan reads the users and the rows a read skips (their warnings); the database counts the rest.
                read.onlySkippedRows = request.pushDown
                let options = ScanOptions(
                    read: read, parallelism: request.parallelism, strict: request.strict, cancellation: cancellation)
                var result = try HistoryScan.run(sources, options: options) {
                    EndpointStatsAccumulator(capped: request.apiCompat)
                }
                if request.pushDown, let source = sources.first as? PostgresSource {
                    try StatsPushDown.add(source, to: &result.aggregate, cancellation: cancellation)
                }
                try cancellation.scanned()
                report(result.diagnostics, logger: logger)
                // An inactive user under --api-compat gets no file: the new folder simply lacks it.
                let files = StatsFiles.render(result.aggregate, users: result.users, pretty: request.pretty, apiCompat: request.apiCompat)
                try cancellation.check()
                try ReportStaging.write(files, joinJobs: nil, into: directory, width: request.parallelism, cancellation: cancellation)
                try directory.commit(cancellation: cancellation)
                logger.info("wrote stats", metadata: ["users": "\(files.count - 1)", "directory": "\(out)"])
            } catch {
                directory.discard()
                throw error
            }
        }
    }

    /// Throws `inactiveUser` (exit 77) for an inactive `user` in the endpoint's view, which answers them 403.
    private static func refuseInactive(_ user: UserRecord?, _ wanted: String, _ request: StatsRequest) throws {
        if request.apiCompat, user?.isActive == false { throw TallyError.inactiveUser(wanted) }
    }

    /// Logs the skipped rows and merged duplicates of a scan as warnings.
    static func report(_ diagnostics: ScanDiagnostics, logger: Logger) {
        for line in diagnostics.warningLines {
            logger.warning("\(line.hasPrefix("warning: ") ? String(line.dropFirst(9)) : line)")
        }
    }
}

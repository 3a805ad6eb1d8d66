import Foundation
import Logging

/// `tally stats`: the endpoint's object for one user on stdout, or for every user into a directory.
package enum StatsRun {
    /// Runs a stats request; returns the bytes for standard output (empty for `--all-users`).
    ///
    /// - Throws: `TallyError` with its exit status: 66 for an unknown user or an
    ///   unreadable source, 65 for bad data under `--strict`, 73 for unwritable output,
    ///   77 for an inactive user under `--api-compat` (the endpoint answers them 403).
    package static func run(_ request: StatsRequest, logger: Logger) throws -> [UInt8] {
        let sources = try request.sources.map { try SourceOpener.open($0) }
        defer { SpooledFiles.shared.removeAll() }
        if request.allUsers {
            try writeAllUsers(request, sources: sources, logger: logger)
            return []
        }
        guard let wanted = request.user else { throw TallyError.usage("--user or --all-users is required") }
        let selection = try UserSelection.resolve(wanted, sources: sources)
        try refuseInactive(selection.record, wanted, request)
        let options = ScanOptions(
            read: ReadOptions(kinds: [.job, .user], ownerOfUnownedRecords: selection.id, jobDetails: false),
            parallelism: request.parallelism, strict: request.strict)
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

    private static func writeAllUsers(_ request: StatsRequest, sources: [any HistorySource], logger: Logger) throws {
        guard let out = request.outDirectory else { throw TallyError.usage("--all-users needs --out DIR") }
        let options = ScanOptions(
            read: ReadOptions(kinds: [.job, .user], jobDetails: false), parallelism: request.parallelism, strict: request.strict)
        let result = try HistoryScan.run(sources, options: options) {
            EndpointStatsAccumulator(capped: request.apiCompat)
        }
        report(result.diagnostics, logger: logger)
        let files = StatsFiles.render(result.aggregate, users: result.users, pretty: request.pretty, apiCompat: request.apiCompat)
        let withheld = request.apiCompat ? StatsFiles.withheldNames(result.aggregate, users: result.users) : []
        try OutputDirectory.prepare(out)
        try StatsFileBatch.write(files, into: out, mode: mode_t(request.fileMode), removing: withheld)
        logger.info("wrote stats", metadata: ["users": "\(files.count - 1)", "directory": "\(out)"])
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

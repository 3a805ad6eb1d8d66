import Foundation
import Logging
import Yams

/// One setting of a config file: its typed readers, failing with a located `FileProblem`.
struct ConfigValue {
    /// The setting's value; its path is its key.
    let setting: DocumentNode
    /// The config file's directory, which relative paths are resolved against.
    let directory: String

    private var key: String { setting.path }
    private var node: Node { setting.node }

    /// Stores this value in the field of `config` its key names.
    func apply(to config: inout TallyConfig) throws(FileProblem) {
        switch key {
        case "sources": config.sources = try texts("a list of history files").map {
                $0 == "-" || PostgresAddress.isAddress($0) ? $0 : path($0)
            }
        case "out": config.out = try outPattern()
        case "timezone":
            let name = try setting.text("an IANA zone such as Europe/Berlin")
            _ = try checked { try ZonedCalendar.zone(named: name) }
            config.timezone = name
        case "plan": config.plan = path(try setting.text("a plan file path"))
        case "ledger": config.ledger = path(try setting.text("a ledger file path"))
        case "fail_on_restatement": config.failOnRestatement = try bool()
        case "templates": config.templates = path(try setting.text("a template directory"))
        case "formats": config.formats = try checked { try OptionValues.formats(texts("formats: html, csv, md, json")) }
        case "csv_bom": config.csvBOM = try bool()
        case "paper": config.paper = PaperSize(rawValue: try choice(PaperSize.allCases.map(\.rawValue)))
        case "stuck_after": config.stuckAfterMicros = try checked { try OptionValues.duration(setting.text("a duration such as 6h")) }
        case "users": config.users = try texts("a list of user ids or emails")
        case "log_level": config.logLevel = Logger.Level(rawValue: try choice(Logger.Level.allCases.map(\.rawValue)))
        case "log_format": config.logFormat = LineLogHandler.Format(rawValue: try choice(LineLogHandler.Format.allCases.map(\.rawValue)))
        case "log_timestamps":
            config.logTimestamps = LineLogHandler.Timestamps(rawValue: try choice(LineLogHandler.Timestamps.allCases.map(\.rawValue)))
        case "jobs": config.jobs = try checked { try OptionValues.jobs(integer()) }
        case "strict": config.strict = try bool()
        case "private": config.private = try bool()
        case "push_down": config.pushDown = try bool()
        default: throw setting.problem("unknown key")
        }
    }

    /// Runs a value parser, relocating its usage error to this value.
    private func checked<T>(_ body: () throws -> T) throws(FileProblem) -> T {
        do { return try body() } catch let failure as FileProblem { throw failure } catch {
            throw setting.problem("\(error)")
        }
    }

    /// A relative path made relative to the config file's directory.
    private func path(_ value: String) -> String {
        value.hasPrefix("/") ? value : (directory as NSString).appendingPathComponent(value)
    }

    /// The `out` pattern, checked, anchored at the config directory (its `%` escaped).
    private func outPattern() throws(FileProblem) -> String {
        let value = try setting.text("an output directory such as reports/%Y-%m")
        _ = try checked { try OutputPathPattern.expand(value, asOf: Instant(seconds: 0), clock: Self.utcClock) }
        guard !value.hasPrefix("/") else { return value }
        return (directory.replacingOccurrences(of: "%", with: "%%") as NSString).appendingPathComponent(value)
    }

    private static let utcClock = ZoneClock(zone: TimeZone(identifier: "UTC")!, from: Instant(seconds: 0), to: Instant(seconds: 0))

    /// A list of text scalars; a single scalar counts as a list of one.
    private func texts(_ expected: String) throws(FileProblem) -> [String] {
        if case .scalar = node { return [try setting.text(expected)] }
        guard case .sequence(let items) = node, !items.isEmpty else {
            throw setting.problem("expected \(expected), found \(setting.kindName)")
        }
        return try setting.items(what: expected).map { item throws(FileProblem) in try item.text(expected) }
    }

    /// `true` or `false` (plain, unquoted).
    private func bool() throws(FileProblem) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain, let value = node.bool else {
            throw setting.problem("expected true or false, found \(setting.kindName)")
        }
        return value
    }

    /// A plain integer.
    private func integer() throws(FileProblem) -> Int {
        guard case .scalar(let scalar) = node, scalar.style == .plain, let value = node.int else {
            throw setting.problem("expected a whole number, found \(setting.kindName)")
        }
        return value
    }

    /// One of `choices`, with a suggestion when misspelt.
    private func choice(_ choices: [String]) throws(FileProblem) -> String {
        let value = try setting.text("one of \(choices.joined(separator: ", "))")
        guard choices.contains(value) else {
            let nearest = choices.first { $0.hasPrefix(value.lowercased()) } ?? Spelling.nearest(to: value, in: choices)
            let hint = nearest.map { "; did you mean '\($0)'?" } ?? ""
            throw setting.problem("unknown value '\(value)'\(hint) (use \(choices.joined(separator: ", ")))")
        }
        return value
    }
}

import Foundation
import Logging
import Yams

/// One top-level value of a config file: typed readers that fail with a located `ConfigError`.
struct ConfigValue {
    let node: Node
    let key: String
    let file: String
    let directory: String

    /// An error at this value.
    func error(_ message: String) -> ConfigError {
        ConfigError(file: file, line: node.mark?.line, key: key, message: message)
    }

    /// Stores this value in the field of `config` its key names.
    func apply(to config: inout TallyConfig) throws(ConfigError) {
        switch key {
        case "sources": config.sources = try texts("a list of history files").map { $0 == "-" ? $0 : path($0) }
        case "out": config.out = try outPattern()
        case "timezone":
            let name = try text("an IANA zone such as Europe/Berlin")
            _ = try checked { try ZonedCalendar.zone(named: name) }
            config.timezone = name
        case "plan": config.plan = path(try text("a plan file path"))
        case "templates": config.templates = path(try text("a template directory"))
        case "formats": config.formats = try checked { try OptionValues.formats(texts("formats: html, csv, md, json")) }
        case "csv_bom": config.csvBOM = try bool()
        case "stuck_after": config.stuckAfterMicros = try checked { try OptionValues.duration(text("a duration such as 6h")) }
        case "users": config.users = try texts("a list of user ids or emails")
        case "log_level": config.logLevel = Logger.Level(rawValue: try choice(Logger.Level.allCases.map(\.rawValue)))
        case "log_format": config.logFormat = LineLogHandler.Format(rawValue: try choice(LineLogHandler.Format.allCases.map(\.rawValue)))
        case "jobs": config.jobs = try checked { try OptionValues.jobs(integer()) }
        case "strict": config.strict = try bool()
        case "private": config.private = try bool()
        default: throw error("unknown key")
        }
    }

    /// Runs a value parser, relocating its usage error to this value.
    private func checked<T>(_ body: () throws -> T) throws(ConfigError) -> T {
        do { return try body() } catch let failure as ConfigError { throw failure } catch {
            throw self.error("\(error)")
        }
    }

    /// A relative path made relative to the config file's directory.
    private func path(_ value: String) -> String {
        value.hasPrefix("/") ? value : (directory as NSString).appendingPathComponent(value)
    }

    /// The `out` pattern, checked, anchored at the config directory (its `%` escaped).
    private func outPattern() throws(ConfigError) -> String {
        let value = try text("an output directory such as reports/%Y-%m")
        _ = try checked { try OutputPathPattern.expand(value, asOf: Instant(seconds: 0), clock: Self.utcClock) }
        guard !value.hasPrefix("/") else { return value }
        return (directory.replacingOccurrences(of: "%", with: "%%") as NSString).appendingPathComponent(value)
    }

    private static let utcClock = ZoneClock(zone: TimeZone(identifier: "UTC")!, from: Instant(seconds: 0), to: Instant(seconds: 0))

    private var isNull: Bool {
        guard case .scalar(let scalar) = node else { return false }
        return scalar.style == .plain && node.null != nil
    }

    private var kindName: String {
        switch node {
        case .scalar: return isNull ? "no value" : "'\(node.scalar?.string ?? "")'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    /// A text scalar.
    private func text(_ expected: String) throws(ConfigError) -> String {
        guard case .scalar(let scalar) = node, !isNull, !scalar.string.isEmpty else {
            throw error("expected \(expected), found \(kindName)")
        }
        return scalar.string
    }

    /// A list of text scalars; a single scalar counts as a list of one.
    private func texts(_ expected: String) throws(ConfigError) -> [String] {
        if case .scalar = node { return [try text(expected)] }
        guard case .sequence(let items) = node, !items.isEmpty else {
            throw error("expected \(expected), found \(kindName)")
        }
        return try items.map { item throws(ConfigError) in
            try ConfigValue(node: item, key: key, file: file, directory: directory).text(expected)
        }
    }

    /// `true` or `false` (plain, unquoted).
    private func bool() throws(ConfigError) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain, let value = node.bool else {
            throw error("expected true or false, found \(kindName)")
        }
        return value
    }

    /// A plain integer.
    private func integer() throws(ConfigError) -> Int {
        guard case .scalar(let scalar) = node, scalar.style == .plain, let value = node.int else {
            throw error("expected a whole number, found \(kindName)")
        }
        return value
    }

    /// One of `choices`, with a suggestion when misspelt.
    private func choice(_ choices: [String]) throws(ConfigError) -> String {
        let value = try text("one of \(choices.joined(separator: ", "))")
        guard choices.contains(value) else {
            let nearest = choices.first { $0.hasPrefix(value.lowercased()) } ?? Spelling.nearest(to: value, in: choices)
            let hint = nearest.map { "; did you mean '\($0)'?" } ?? ""
            throw error("unknown value '\(value)'\(hint) (use \(choices.joined(separator: ", ")))")
        }
        return value
    }
}

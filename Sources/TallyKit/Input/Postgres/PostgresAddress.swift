import CLibPQ
import Foundation

/// A PostgreSQL database named as a source: a libpq URI (`postgresql://`,
/// `postgres://`) or a connection string starting `service=`.
///
/// The text goes to libpq unchanged, so `PG*` variables, `~/.pgpass`, service
/// files, TLS and SCRAM behave as for `psql`. Nothing tally prints shows a
/// password: `displayName` is the address without one, and `scrub` removes
/// every password tally could know of from a message before it is shown.
package struct PostgresAddress: Sendable, Equatable {
    /// What the user wrote, for libpq (it may hold a password).
    let conninfo: String
    /// The address without any password: the source's name in every message, log line and report.
    package let displayName: String
    /// Passwords that must never be printed (from the address and `PGPASSWORD`), longest first.
    private let secrets: [String]

    /// The address `text` names; `nil` when `text` is not a PostgreSQL address (a path).
    package static func parse(_ text: String) -> PostgresAddress? {
        guard isAddress(text) else { return nil }
        return PostgresAddress(text)
    }

    /// Whether `text` names a database rather than a file.
    package static func isAddress(_ text: String) -> Bool {
        text.hasPrefix("postgresql://") || text.hasPrefix("postgres://") || text.hasPrefix("service=")
    }

    private init(_ text: String) {
        conninfo = text
        let uri = text.hasPrefix("postgres")
        var secrets = Self.parsedPasswords(text)
        if uri {
            let (shown, raw) = Self.redactURI(text)
            displayName = shown
            secrets += raw
        } else {
            displayName = Self.redactKeywords(text)
        }
        if let fromEnvironment = ProcessInfo.processInfo.environment["PGPASSWORD"] { secrets.append(fromEnvironment) }
        self.secrets = Set(secrets.filter { !$0.isEmpty }).sorted { $0.count > $1.count }
    }

    /// `message` with every known password replaced by `***`.
    package func scrub(_ message: String) -> String {
        var text = message
        for secret in secrets { text = text.replacingOccurrences(of: secret, with: "***") }
        return text
    }

    // MARK: redaction

    /// Keys whose values are secrets (libpq's `password` and `sslpassword`).
    private static let secretKeys: Set<String> = ["password", "sslpassword"]

    /// The URI without the password of its user info or `password=` parameters,
    /// and the raw (still percent-encoded) passwords removed.
    ///
    /// User info ends at the first `@` before any `/`, as libpq reads it.
    static func redactURI(_ uri: String) -> (shown: String, removed: [String]) {
        guard let scheme = uri.range(of: "://") else { return (uri, []) }
        var removed: [String] = []
        var rest = Substring(uri[scheme.upperBound...])
        var userInfo = ""
        if let stop = rest.firstIndex(where: { $0 == "@" || $0 == "/" }), rest[stop] == "@" {
            let info = rest[..<stop]
            if let colon = info.firstIndex(of: ":") {
                removed.append(String(info[info.index(after: colon)...]))
                userInfo = String(info[..<colon]) + "@"
            } else {
                userInfo = String(info) + "@"
            }
            rest = rest[rest.index(after: stop)...]
        }
        var query = ""
        if let mark = rest.firstIndex(of: "?") {
            let kept = rest[rest.index(after: mark)...].split(separator: "&", omittingEmptySubsequences: false).filter {
                let key = $0.split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
                guard secretKeys.contains((key.removingPercentEncoding ?? key).lowercased()) else { return true }
                if let equals = $0.firstIndex(of: "=") { removed.append(String($0[$0.index(after: equals)...])) }
                return false
            }
            query = kept.isEmpty ? "" : "?" + kept.joined(separator: "&")
            rest = rest[..<mark]
        }
        return (String(uri[..<scheme.upperBound]) + userInfo + rest + query, removed)
    }

    /// A `key=value` connection string without its secret keys, as libpq parses it
    /// (the parse fails only on a malformed string, then shown as its first keyword).
    static func redactKeywords(_ text: String) -> String {
        let options = parsedOptions(text)
        guard !options.isEmpty else { return text.split(separator: " ").first.map(String.init) ?? "service" }
        return options.filter { !secretKeys.contains($0.key) }.map { "\($0.key)=\(quoted($0.value))" }.joined(separator: " ")
    }

    /// The passwords libpq finds in the text (URI user info and parameters, or keywords).
    private static func parsedPasswords(_ text: String) -> [String] {
        parsedOptions(text).filter { secretKeys.contains($0.key) }.map(\.value)
    }

    /// The options set in a connection string or URI, in libpq's order.
    private static func parsedOptions(_ text: String) -> [(key: String, value: String)] {
        var error: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(text, &error) else {
            if let error { PQfreemem(error) }
            return []
        }
        defer { PQconninfoFree(options) }
        var found: [(key: String, value: String)] = []
        var option = options
        while let keyword = option.pointee.keyword {
            if let value = option.pointee.val { found.append((String(cString: keyword), String(cString: value))) }
            option += 1
        }
        return found
    }

    private static func quoted(_ value: String) -> String {
        guard value.isEmpty || value.contains(where: { $0 == " " || $0 == "'" || $0 == "\\" }) else { return value }
        return "'" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }
}

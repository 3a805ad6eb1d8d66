/// A bad config file: one line naming the file, the line and the key (exit 65).
package struct ConfigError: ExitStatusProviding, Equatable {
    /// The config file as given.
    package var file: String
    /// The 1-based line of the offending key or value, when known.
    package var line: Int?
    /// The top-level key, when the problem is in one.
    package var key: String?
    /// What is wrong and what was expected.
    package var message: String

    /// Makes a config error.
    package init(file: String, line: Int?, key: String?, message: String) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    /// Always `dataError` (65).
    package var exitStatus: ExitStatus { .dataError }

    /// `tally.yaml:3: timezon: unknown key 'timezon'; did you mean 'timezone'? (...)`.
    package var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let key { text += ": \(key)" }
        return text + ": " + message
    }
}

/// A bad config file: one line naming the file, the line and the key (exit 65).
public struct ConfigError: ExitStatusProviding, Equatable {
    /// The config file as given.
    public var file: String
    /// The 1-based line of the offending key or value, when known.
    public var line: Int?
    /// The top-level key, when the problem is in one.
    public var key: String?
    /// What is wrong and what was expected.
    public var message: String

    /// Makes a config error.
    public init(file: String, line: Int?, key: String?, message: String) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    /// Always `dataError` (65).
    public var exitStatus: ExitStatus { .dataError }

    /// `tally.yaml:3: timezon: unknown key 'timezon'; did you mean 'timezone'? (...)`.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let key { text += ": \(key)" }
        return text + ": " + message
    }
}

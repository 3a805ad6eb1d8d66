/// A bad plan file: one message naming the file, the line and the key path (exit 65).
package struct PlanError: ExitStatusProviding, Equatable {
    /// The plan file as given.
    package var file: String
    /// The 1-based line of the offending key or value, when known.
    package var line: Int?
    /// Where in the document, e.g. `plans.starter.charges[1].model`; `nil` for the whole file.
    package var keyPath: String?
    /// What is wrong and what was expected.
    package var message: String

    /// Makes a plan error.
    package init(file: String, line: Int?, keyPath: String?, message: String) {
        self.file = file
        self.line = line
        self.keyPath = keyPath
        self.message = message
    }

    /// Always `dataError` (65).
    package var exitStatus: ExitStatus { .dataError }

    /// `plan.yaml:14: plans.starter.charges[1].model: unknown model 'tierd' (...)`.
    package var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let keyPath, !keyPath.isEmpty { text += ": \(keyPath)" }
        return text + ": " + message
    }
}

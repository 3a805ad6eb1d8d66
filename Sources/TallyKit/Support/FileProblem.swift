/// One problem in a file a person wrote (a plan, a config): the file, the line,
/// the key path and what is wrong.
///
/// Readers of such files throw one `FileProblem` at a time; a `ProblemList`
/// collects them and the loader throws them together as `FileProblems`.
package struct FileProblem: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file as given.
    package var file: String
    /// The 1-based line of the offending key or value, when known.
    package var line: Int?
    /// Where in the document, e.g. `plans.starter.charges[1].model`; `nil` for the whole file.
    package var keyPath: String?
    /// What is wrong and what was expected.
    package var message: String

    /// `plan.yaml:14: plans.starter.charges[1].model: unknown model 'tierd' (...)`.
    package var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let keyPath, !keyPath.isEmpty { text += ": \(keyPath)" }
        return text + ": " + message
    }
}

/// Every problem found in one file: what a plan or config loader throws.
///
/// `lines` has one line per problem, in file order; `description` joins them
/// with newlines. The exit status is the thrower's choice (65 for plans and configs).
package struct FileProblems: ExitStatusProviding, Equatable {
    /// The problems, at least one, ordered by line.
    package var problems: [FileProblem]
    /// The exit status the run ends with.
    package var exitStatus: ExitStatus

    /// One message per problem, `file:line: key.path: message`.
    package var lines: [String] { problems.map(\.description) }

    /// The lines joined by newlines.
    package var description: String { lines.joined(separator: "\n") }
}

extension FileProblem {
    /// This problem alone, as a thrown `FileProblems` ending the run with `exitStatus`.
    package func alone(exitStatus: ExitStatus = .dataError) -> FileProblems {
        FileProblems(problems: [self], exitStatus: exitStatus)
    }
}

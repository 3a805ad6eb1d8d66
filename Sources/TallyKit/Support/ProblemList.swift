/// Collects the problems of one file so that a check reports every one, not the first.
///
/// A reader records a problem and goes on with the next part of the file that
/// does not depend on the bad one. The first `limit` problems are kept; more are
/// counted and reported as one last line, so a file of repeated mistakes (or
/// aliases repeating one) cannot flood the terminal.
package final class ProblemList {
    /// The file the problems are in.
    package let file: String
    private let limit: Int
    private var kept: [FileProblem] = []
    private var dropped = 0

    /// An empty list for `file`.
    package init(file: String, limit: Int = 100) {
        self.file = file
        self.limit = limit
    }

    /// True while nothing was recorded.
    package var isEmpty: Bool { kept.isEmpty }

    /// Records a problem.
    package func record(_ problem: FileProblem) {
        if kept.count < limit { kept.append(problem) } else { dropped += 1 }
    }

    /// The value `body` returns, or `nil` after recording the problem it throws.
    package func attempt<T>(_ body: () throws(FileProblem) -> T) -> T? {
        do { return try body() } catch {
            record(error)
            return nil
        }
    }

    /// The recorded problems ordered by line (those without a line first), then
    /// a line counting any past the limit.
    package var problems: [FileProblem] {
        var sorted = kept.enumerated()
            .sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }
            .map(\.element)
        if dropped > 0 {
            let noun = dropped == 1 ? "problem" : "problems"
            sorted.append(FileProblem(file: file, line: nil, keyPath: nil, message: "\(dropped) more \(noun) not shown"))
        }
        return sorted
    }

    /// `value` when nothing was recorded; otherwise every problem, ending the run with `exitStatus`.
    ///
    /// A reader returns `nil` only after recording why, so `nil` with an empty list
    /// is a reader's bug, reported as a problem rather than a crash.
    package func result<T>(_ value: T?, exitStatus: ExitStatus = .dataError) throws(FileProblems) -> T {
        if let value, isEmpty { return value }
        if isEmpty {
            record(FileProblem(file: file, line: nil, keyPath: nil, message: "invalid, for no reason tally can name (a bug)"))
        }
        throw FileProblems(problems: problems, exitStatus: exitStatus)
    }
}

import Foundation
import Yams

/// Reads the files people write for tally (plans, configs) as YAML, which JSON is a
/// subset of, into nodes that know their line, within limits a hostile or mistaken
/// file cannot get past.
///
/// The limits: at most `maxBytes` are read; the document may hold at most
/// `maxValues` values with every use of an alias counted as the whole value it
/// repeats (a few lines of nested aliases otherwise expand to billions of values:
/// the "billion laughs"); nesting stops at libyaml's 1,000 levels.
package enum YAMLDocument {
    /// The largest file read: 4 MiB (a plan with 50,000 customers is about 3 MiB).
    package static let maxBytes = 4 << 20
    /// The most values (scalars, lists, mappings, keys) a document may expand to.
    package static let maxValues = 1_000_000

    /// The text of the file at `path`; `what` names the kind of file in messages (`"plan file"`).
    ///
    /// - Throws: `TallyError.cannotOpen` (exit 66) when it does not exist or cannot
    ///   be read; `FileProblems` (exit 65) when it is larger than `maxBytes` or not UTF-8.
    package static func read(path: String, what: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw TallyError.cannotOpen(file: path, message: exists ? "cannot read \(what)" : "no such \(what)")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: maxBytes + 1) ?? Data()
        } catch {
            throw TallyError.cannotOpen(file: path, message: "cannot read \(what)")
        }
        guard data.count <= maxBytes else {
            throw problem(path, "larger than \(maxBytes >> 20) MiB, far more than any \(what) needs").alone()
        }
        guard let text = String(data: data, encoding: .utf8) else { throw problem(path, "not UTF-8 text").alone() }
        return text
    }

    /// The document in `text`, `nil` when it has none (an empty file, only comments);
    /// `file` names it in problems.
    ///
    /// - Throws: a syntax error or duplicate key with its line, or a document
    ///   expanding past `maxValues`.
    package static func parse(_ text: String, file: String) throws(FileProblem) -> DocumentNode? {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw syntaxProblem(error, file: file)
        }
        guard let root else { return nil }
        var budget = maxValues
        guard fits(root, within: &budget) else {
            throw problem(
                file, "more than \(maxValues) values once aliases are expanded (each *alias repeats the whole value "
                    + "its &anchor names)")
        }
        return DocumentNode(node: root, path: "", file: file)
    }

    /// True when `node`, aliases expanded, holds at most `budget` values; stops
    /// counting as soon as it does not, so a bomb costs `maxValues` steps at most.
    private static func fits(_ node: Node, within budget: inout Int) -> Bool {
        budget -= 1
        guard budget >= 0 else { return false }
        switch node {
        case .scalar, .alias:
            return true
        case .sequence(let items):
            for item in items where !fits(item, within: &budget) { return false }
            return true
        case .mapping(let pairs):
            for (key, value) in pairs where !(fits(key, within: &budget) && fits(value, within: &budget)) { return false }
            return true
        }
    }

    /// A problem with the whole file.
    private static func problem(_ file: String, _ message: String) -> FileProblem {
        FileProblem(file: file, line: nil, keyPath: nil, message: message)
    }

    /// A YAML syntax error as a located problem.
    static func syntaxProblem(_ error: any Error, file: String) -> FileProblem {
        guard let yaml = error as? YamlError else { return problem(file, "cannot parse: \(error)") }
        switch yaml {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return FileProblem(file: file, line: mark.line, keyPath: nil, message: "YAML syntax error: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return FileProblem(
                file: file, line: context.mark.line, keyPath: nil,
                message: "duplicate key(s) \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in one mapping")
        default:
            return problem(file, "YAML error: \(String(describing: yaml).split(separator: "\n").first ?? "")")
        }
    }
}

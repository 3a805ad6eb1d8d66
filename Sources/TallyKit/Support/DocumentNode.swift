import Yams

/// A value in a YAML document with its key path and file: typed readers that
/// fail with a located `FileProblem`.
///
/// Paths read `plans.starter.charges[1].model`: keys joined with `.`, list
/// indexes from 0 in brackets. Readers of one kind of file (plans, configs)
/// add their own in extensions.
package struct DocumentNode {
    /// The YAML node.
    package let node: Node
    /// Where in the document; empty for the root.
    package let path: String
    /// The file as given.
    package let file: String

    /// A mapping's entry: the key, the key's line, the value.
    package typealias Entry = (key: String, keyLine: Int?, value: DocumentNode)

    /// The node's 1-based line.
    package var line: Int? { node.mark?.line }

    /// A problem at this node.
    package func problem(_ message: String) -> FileProblem {
        FileProblem(file: file, line: line, keyPath: path.isEmpty ? nil : path, message: message)
    }

    /// True for `null`, `~` or an empty value.
    package var isNull: Bool {
        guard case .scalar(let scalar) = node else { return false }
        return scalar.style == .plain && node.null != nil
    }

    /// The path of the entry `key` below this node.
    package func childPath(_ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    /// The mapping's entries in order, keys as text with their line (for maps keyed
    /// by names); an entry whose key is not text is recorded in `problems` and left out.
    package func entries(what: String, problems: ProblemList) throws(FileProblem) -> [Entry] {
        guard case .mapping(let mapping) = node else {
            throw problem("expected a mapping of \(what), found \(kindName)")
        }
        var result: [Entry] = []
        for (keyNode, valueNode) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                let line = keyNode.mark?.line
                problems.record(FileProblem(file: file, line: line, keyPath: path, message: "keys must be plain text"))
                continue
            }
            let value = DocumentNode(node: valueNode, path: childPath(scalar.string), file: file)
            result.append((scalar.string, keyNode.mark?.line, value))
        }
        return result
    }

    /// The mapping's values by key; each key outside `allowed` is recorded in
    /// `problems` with a suggestion and left out.
    package func fields(
        allowed: [String], what: String, problems: ProblemList
    ) throws(FileProblem) -> [String: DocumentNode] {
        guard case .mapping(let mapping) = node else {
            throw problem("expected a mapping (\(what)), found \(kindName)")
        }
        var result: [String: DocumentNode] = [:]
        for (keyNode, valueNode) in mapping {
            let key = keyNode.scalar?.string ?? ""
            let keyPath = childPath(key)
            guard allowed.contains(key) else {
                let hint = Spelling.hint(for: key, in: allowed)
                problems.record(
                    FileProblem(
                        file: file, line: keyNode.mark?.line, keyPath: keyPath,
                        message: "unknown key '\(key)' in \(what)\(hint) (expected one of: \(allowed.joined(separator: ", ")))"))
                continue
            }
            result[key] = DocumentNode(node: valueNode, path: keyPath, file: file)
        }
        return result
    }

    /// True when this mapping has a key outside `known` that looks like a misspelling
    /// of `key`: the unknown key was reported with a suggestion, so `key` missing is not news.
    package func hasMisspelling(of key: String, besides known: some Collection<String>) -> Bool {
        guard case .mapping(let mapping) = node else { return false }
        return mapping.keys.contains { keyNode in
            let name = keyNode.scalar?.string ?? ""
            return !known.contains(name) && Spelling.nearest(to: name, in: [key]) != nil
        }
    }

    /// The sequence's items, paths `path[0]`, `path[1]`, ...
    package func items(what: String) throws(FileProblem) -> [DocumentNode] {
        guard case .sequence(let sequence) = node else {
            throw problem("expected a list of \(what), found \(kindName)")
        }
        return sequence.enumerated().map { DocumentNode(node: $1, path: "\(path)[\($0)]", file: file) }
    }

    /// A non-empty text scalar (quoted or plain); `expected` says what it should be.
    package func text(_ expected: String = "a text value") throws(FileProblem) -> String {
        guard case .scalar(let scalar) = node, !isNull, !scalar.string.isEmpty else {
            throw problem("expected \(expected), found \(kindName)")
        }
        return scalar.string
    }

    /// The node's kind in words, for messages: the scalar itself, `no value`, `a mapping`, `a list`.
    package var kindName: String {
        switch node {
        case .scalar: return isNull ? "no value" : "'\(node.scalar?.string ?? "")'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}

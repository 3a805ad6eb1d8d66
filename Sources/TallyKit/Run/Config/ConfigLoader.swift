import Foundation

/// Reads and validates a config file (YAML; JSON is YAML too).
package enum ConfigLoader {
    /// The environment variable naming a config file when `--config` is not given.
    package static let environmentVariable = "TALLY_CONFIG"

    /// The config file to use: `flag`, else a non-empty `TALLY_CONFIG`, else none.
    package static func path(flag: String?, environment: [String: String]) -> String? {
        if let flag { return flag }
        guard let value = environment[environmentVariable], !value.isEmpty else { return nil }
        return value
    }

    /// Loads and validates the config at `path`; relative paths in it are resolved
    /// against the file's directory.
    ///
    /// - Throws: `FileProblems` (exit 65) naming the file, line and key of every
    ///   problem, or `TallyError.cannotOpen` (exit 66) when the file cannot be read.
    package static func load(path: String) throws -> TallyConfig {
        let text = try YAMLDocument.read(path: path, what: "config file")
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL.path
        return try parse(text, file: path, directory: directory)
    }

    /// Parses and validates config text; `file` names it in problems, `directory` anchors relative paths.
    package static func parse(_ text: String, file: String, directory: String) throws(FileProblems) -> TallyConfig {
        let problems = ProblemList(file: file)
        var config = TallyConfig(file: file)
        let entries = problems.attempt { () throws(FileProblem) in
            try YAMLDocument.parse(text, file: file)?.entries(what: "settings (key: value)", problems: problems)
        }
        for (key, keyLine, value) in (entries ?? nil) ?? [] {
            guard TallyConfig.keys.contains(key) else {
                let hint = TallyConfig.suggestion(for: key).map { "; did you mean '\($0)'?" } ?? ""
                problems.record(
                    FileProblem(
                        file: file, line: keyLine, keyPath: nil,
                        message: "unknown key '\(key)'\(hint) (keys: \(TallyConfig.keys.joined(separator: ", ")))"))
                continue
            }
            problems.attempt { () throws(FileProblem) in
                try ConfigValue(setting: value, directory: directory).apply(to: &config)
            }
        }
        return try problems.result(config)
    }
}

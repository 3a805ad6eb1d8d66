import Foundation
import Yams

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
    /// - Throws: `ConfigError` (exit 65) naming the file, line and key of the first
    ///   problem, or `TallyError.cannotOpen` (exit 66) when the file cannot be read.
    package static func load(path: String) throws -> TallyConfig {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let exists = FileManager.default.fileExists(atPath: path)
            throw TallyError.cannotOpen(file: path, message: exists ? "cannot read config file" : "no such config file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(file: path, line: nil, key: nil, message: "not UTF-8 text")
        }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL.path
        return try parse(text, file: path, directory: directory)
    }

    /// Parses and validates config text; `file` names it in errors, `directory` anchors relative paths.
    package static func parse(_ text: String, file: String, directory: String) throws(ConfigError) -> TallyConfig {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            let located = PlanLoader.syntaxError(error, file: file)
            throw ConfigError(file: file, line: located.line, key: nil, message: located.message)
        }
        var config = TallyConfig(file: file)
        guard let root else { return config }
        guard case .mapping(let mapping) = root else {
            throw ConfigError(file: file, line: root.mark?.line, key: nil, message: "expected a mapping of settings (key: value)")
        }
        for (keyNode, valueNode) in mapping {
            let key = keyNode.scalar?.string ?? ""
            guard TallyConfig.keys.contains(key) else {
                let hint = TallyConfig.suggestion(for: key).map { "; did you mean '\($0)'?" } ?? ""
                throw ConfigError(
                    file: file, line: keyNode.mark?.line, key: nil,
                    message: "unknown key '\(key)'\(hint) (keys: \(TallyConfig.keys.joined(separator: ", ")))")
            }
            try ConfigValue(node: valueNode, key: key, file: file, directory: directory).apply(to: &config)
        }
        return config
    }
}

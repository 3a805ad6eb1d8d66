import Foundation
import Mustache

/// The templates and assets of the human outputs: built in, or overridden by file
/// name from a `--templates DIR`.
///
/// Files: `usage.html.mustache`, `usage.md.mustache`, `usage.css` and `usage.js`
/// (the HTML page's inline style and script; their SHA-256 go into its CSP), and the
/// billing files of `BillingTemplates.fileNames`.
package struct TemplateSet: Sendable {
    /// The file names a template directory may hold, in a fixed order.
    package static let fileNames = ["usage.html.mustache", "usage.md.mustache", "usage.css", "usage.js"]
        + BillingTemplates.fileNames

    /// The largest template or asset file accepted.
    static let maxFileSize = 4 << 20
    /// The most text (in characters) a template from `--templates` may render into one file.
    static let maxRenderedSize = 256 << 20

    let html: PiecewiseTemplate
    let markdown: PiecewiseTemplate
    let css: String
    let script: String
    let billing: BillingTemplates

    /// The built-in templates compiled into the binary.
    package static func builtIn() throws -> TemplateSet {
        try load(overrides: nil).0
    }

    /// Loads the built-in templates, each replaced by `DIR/<name>` when that file exists.
    ///
    /// - Returns: the set and one warning per file missing from `DIR` (the built-in one is used).
    /// - Throws: `TallyError.cannotOpen` for an unreadable directory or file,
    ///   `TallyError.badData(file:location:message:)` naming file and line for a
    ///   template that does not parse, is too large (`maxFileSize`, or too costly to
    ///   parse: `PiecewiseTemplate`), includes a partial that does not exist or
    ///   includes itself, or an asset that would break out of its tag.
    package static func load(overrides directory: String?) throws -> (TemplateSet, warnings: [String]) {
        _ = TallyContentTypes.registered
        var texts: [String: (text: String, path: String)] = [:]
        var warnings: [String] = []
        if let directory {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw TallyError.cannotOpen(file: directory, message: "templates directory does not exist or is not a directory")
            }
        }
        for name in fileNames {
            let builtIn = BuiltInTemplates.files[name] ?? ""
            guard let directory else {
                texts[name] = (builtIn, "(built-in) " + name)
                continue
            }
            let path = (directory as NSString).appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: path) {
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw TallyError.cannotOpen(file: path, message: "cannot read template")
                }
                guard data.count <= maxFileSize else {
                    throw TallyError.badData(file: path, location: nil, message: "template is larger than \(maxFileSize >> 20) MiB")
                }
                guard let text = String(data: data, encoding: .utf8) else {
                    throw TallyError.badData(file: path, location: nil, message: "template is not UTF-8")
                }
                texts[name] = (text, path)
            } else {
                warnings.append("\(path): not found, using the built-in \(name)")
                texts[name] = (builtIn, "(built-in) " + name)
            }
        }
        let html = try parse(texts["usage.html.mustache"]!), markdown = try parse(texts["usage.md.mustache"]!)
        for (template, source) in [(html, texts["usage.html.mustache"]!), (markdown, texts["usage.md.mustache"]!)] {
            try PartialIncludes.check(template.partials, in: source.path, available: [:])
        }
        let set = TemplateSet(
            html: html,
            markdown: markdown,
            css: try asset(texts["usage.css"]!, closingTag: "</style"),
            script: try asset(texts["usage.js"]!, closingTag: "</script"),
            billing: try BillingTemplates.load(texts))
        return (set, warnings)
    }

    /// Parses a template in pieces (`PiecewiseTemplate`), with the content type of its file
    /// until it names one (`TallyContentTypes`).
    /// - Throws: `TallyError.badData` naming the file and line of the problem.
    static func parse(_ source: (text: String, path: String)) throws -> PiecewiseTemplate {
        do {
            var template = try PiecewiseTemplate(source.text, contentType: TallyContentTypes.defaultName(forFile: source.path))
            template.path = source.path
            template.sizeLimit = source.path.hasPrefix("(built-in) ") ? nil : maxRenderedSize
            return template
        } catch {
            throw TallyError.badData(file: source.path, location: error.location, message: error.message)
        }
    }

    /// Parses a partial whole (swift-mustache includes a partial as one template).
    /// - Throws: `TallyError.badData` naming the file and line of the problem.
    static func parsePartial(_ source: (text: String, path: String)) throws -> (MustacheTemplate, partials: [TemplateOutline.PartialUse]) {
        do {
            return try PiecewiseTemplate.whole(source.text, contentType: TallyContentTypes.defaultName(forFile: source.path))
        } catch {
            throw TallyError.badData(file: source.path, location: error.location, message: error.message)
        }
    }

    /// An inline asset must not close its own element early.
    static func asset(_ source: (text: String, path: String), closingTag: String) throws -> String {
        let lines = source.text.components(separatedBy: "\n")
        if let index = lines.firstIndex(where: { $0.lowercased().contains(closingTag) }) {
            throw TallyError.badData(file: source.path, location: "line \(index + 1)", message: "contains '\(closingTag)', which would end the inline element")
        }
        return source.text
    }
}

import Mustache

/// A Mustache template parsed by swift-mustache in pieces, so that parsing costs time
/// linear in the template's length, and rendered as the concatenation of the pieces,
/// which is exactly what the whole template renders (`TemplateOutline` says where a cut
/// is safe and why).
///
/// A part that cannot be cut (a section, or tags with no text between them on one line)
/// still costs its tags × its length; a template whose parse would cost more than
/// `costLimit` characters walked (about half a second) is refused, naming that part.
struct PiecewiseTemplate: Sendable {
    /// The parse cost a piece aims to stay under: a few hundred characters of template.
    static let pieceBudget = 1 << 14
    /// The parse cost above which a template is refused.
    static let costLimit = 1 << 27

    let pieces: [MustacheTemplate]
    /// The pieces as tally renders them (`CompiledTemplate`); `nil` when one does not compile.
    let compiled: [CompiledTemplate]?
    /// The partials the template includes.
    let partials: [TemplateOutline.PartialUse]
    /// The template as nodes (`RenderEstimate`).
    let tree: [TemplateNode]
    /// The file, for messages.
    var path = ""
    /// How large (in characters) it may render, checked by `checkSize` before rendering;
    /// `nil` for a built-in template, whose size follows the data alone.
    var sizeLimit: Int?

    /// Parses `text` in pieces of at most `pieceBudget`, escaping values as the content type
    /// named `contentType` until the template names one. (Tests cut wherever they can with
    /// a budget of -1 and a `cutSpacing` of 0.)
    /// - Throws: `TemplateOutline.Problem` for a structural mistake, a template too costly
    ///   to parse, or what swift-mustache reports (at the line and column of the whole template).
    init(_ text: String, contentType: String? = nil, pieceBudget: Int = Self.pieceBudget, cutSpacing: Int = 16) throws(TemplateOutline.Problem) {
        let outline = try TemplateOutline(text, contentType: contentType, cutSpacing: cutSpacing)
        let spans = Self.spans(outline, budget: pieceBudget)
        try Self.checkCost(outline, spans: spans)
        var pieces: [MustacheTemplate] = []
        pieces.reserveCapacity(spans.count)
        for (from, to) in spans {
            let prefix = Self.prefix(from.contentType)
            pieces.append(try Self.parse(prefix + text[from.index..<to.index], startingAt: from, prefixLines: prefix.isEmpty ? 0 : 1))
        }
        self.pieces = pieces
        let compiled = pieces.compactMap(CompiledTemplate.init)
        self.compiled = compiled.count == pieces.count ? compiled : nil
        self.partials = outline.partials
        self.tree = outline.tree
    }

    /// Refuses to render `object` when the template would make more than `sizeLimit`
    /// characters of it (`RenderEstimate`): sections nested over lists multiply.
    /// - Throws: `TallyError.badData` naming the template.
    func checkSize(_ object: Any, partials: [String: [TemplateNode]] = [:]) throws {
        guard let sizeLimit else { return }
        var estimate = RenderEstimate(limit: sizeLimit, partials: partials)
        do {
            try estimate.add(tree, root: object)
        } catch {
            throw TallyError.badData(
                file: path, location: nil,
                message: "would render more than \(sizeLimit >> 20) MiB of text, or take too long, with this report (sections over lists nested in one another?)")
        }
    }

    /// Renders like `MustacheTemplate.render(_:library:)` on the whole template.
    func render(_ object: Any, library: MustacheLibrary? = nil) -> String {
        var out = ""
        for piece in pieces { out += piece.render(object, library: library) }
        return out
    }

    /// Renders into bytes, as `render(_:library:)` would: through the compiled pieces, or
    /// swift-mustache when they do not cover the template or a value.
    func bytes(_ object: Any, library: CompiledLibrary? = nil, capacity: Int = 0) -> [UInt8] {
        if let compiled, let bytes = CompiledRender.render(compiled, object, library: library, capacity: capacity) {
            return bytes
        }
        return Array(render(object, library: library?.library).utf8)
    }

    /// Parses `text` whole (for a partial, which swift-mustache renders as one template),
    /// with the same checks as a piecewise template.
    static func whole(_ text: String, contentType: String? = nil) throws(TemplateOutline.Problem) -> (MustacheTemplate, partials: [TemplateOutline.PartialUse]) {
        let outline = try TemplateOutline(text)
        try checkCost(outline, spans: [(outline.cuts[0], outline.end)])
        let prefix = Self.prefix(contentType)
        return (try parse(prefix + text, startingAt: outline.cuts[0], prefixLines: prefix.isEmpty ? 0 : 1), outline.partials)
    }

    /// The line that sets the content type at the start of a piece: standalone, so it
    /// renders as nothing and leaves the parser at the start of a line.
    static func prefix(_ contentType: String?) -> String {
        contentType.map { "{{%CONTENT_TYPE:\($0)}}\n" } ?? ""
    }

    /// The pieces: from each cut to the furthest later cut that keeps the piece within
    /// `pieceBudget`, or to the next cut when even that one is over it.
    static func spans(_ outline: TemplateOutline, budget: Int) -> [(TemplateOutline.Cut, TemplateOutline.Cut)] {
        var spans: [(TemplateOutline.Cut, TemplateOutline.Cut)] = []
        var start = outline.cuts[0]
        var fits: TemplateOutline.Cut?
        for cut in outline.cuts.dropFirst() + [outline.end] {
            if outline.cost(from: start.offset, to: cut.offset) > budget, let last = fits {
                spans.append((start, last))
                start = last
                fits = nil
            }
            if outline.cost(from: start.offset, to: cut.offset) > budget {
                spans.append((start, cut))
                start = cut
            } else {
                fits = cut
            }
        }
        if start.offset < outline.end.offset { spans.append((start, outline.end)) }
        return spans
    }

    /// Refuses a template whose pieces together cost more than `costLimit` to parse,
    /// naming the costliest piece.
    static func checkCost(_ outline: TemplateOutline, spans: [(TemplateOutline.Cut, TemplateOutline.Cut)]) throws(TemplateOutline.Problem) {
        var total = 0
        var worst = (cost: -1, from: outline.cuts[0], to: outline.end)
        for (from, to) in spans {
            let cost = outline.cost(from: from.offset, to: to.offset)
            total += cost
            if cost > worst.cost { worst = (cost, from, to) }
        }
        guard total > costLimit else { return }
        let (from, to) = (worst.from, worst.to)
        guard worst.cost > costLimit / 16 else {
            throw .init(line: 1, message: "too many tags for the template parser (\(outline.reads.count / 2)); make the template smaller")
        }
        // The piece ends where the next starts: at the start of a line, it ends on the line before.
        let last = to.column == 1 && to.line > from.line ? to.line - 1 : to.line
        let size = "\(to.offset - from.offset) characters"
        if last > from.line {
            throw .init(line: from.line, message: "lines \(from.line)-\(last) (\(size)) hold too many tags to parse as one section: split the section")
        }
        throw .init(line: from.line, message: "this line (\(size)) holds too many tags with no text between them to parse: add text or line breaks between them")
    }

    /// Parses one piece, placing swift-mustache's error in the whole template.
    static func parse(_ text: String, startingAt start: TemplateOutline.Cut, prefixLines: Int) throws(TemplateOutline.Problem) -> MustacheTemplate {
        do {
            return try MustacheTemplate(string: text)
        } catch let error as MustacheTemplate.ParserError {
            let line = max(1, error.context.lineNumber - prefixLines)
            let column = line == 1 ? error.context.columnNumber + start.column - 1 : error.context.columnNumber
            throw .init(line: start.line + line - 1, column: column, message: "template error: \(error.error)")
        } catch {
            throw .init(line: start.line, message: "template error: \(error)")
        }
    }
}

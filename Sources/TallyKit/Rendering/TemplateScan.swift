/// The pass of `TemplateOutline`: reads a template as swift-mustache 2.1.1's parser does
/// (`Template+Parser.swift`), following the one piece of state that decides how the
/// parser reads what comes next, whether it is at the start of a line (`newLine`), and
/// noting where a piece may start, where the parser reads ahead, the partials, and the
/// structural mistakes.
///
/// What the parser does and this follows: at the start of a line it reads spaces and
/// tabs first; text runs to `{{` or a line break (`\n` or `\r\n`); a section, comment,
/// partial or pragma tag alone on its line ("standalone": only spaces and tabs before it
/// since the line started, and after it up to any line-break character, or nothing at all)
/// takes that line's break with it, so the next line starts; a variable tag, or text,
/// ends the line's start. A section's body starts a line only when its opening tag was
/// standalone (`{{<` always), and after its closing tag the parser is at the start of
/// a line exactly when the opening tag was standalone. `{{` at the very end, or just
/// before a line-break character, is dropped.
struct TemplateScan {
    /// An open section: the tag as written (`{{#rows}}`), its name and line, and whether
    /// the opening tag was standalone.
    struct Open {
        var tag: String
        var name: String
        var line: Int
        var standalone: Bool
        var kind: Character
    }

    let text: String
    var index: String.Index
    var offset = 0, line = 1, column = 1
    /// The parser's `newLine` at the current level.
    var newLine = true
    /// Whether the last thing read was a line break (in text, or taken by a standalone tag).
    var lineBroken = true
    /// Whether what came just before is non-blank text (not `{`) or a variable tag, so a
    /// piece may start here if what follows is such text or a variable tag too.
    var solidBefore = false
    var contentType: String?
    var open: [Open] = []
    var cuts: [TemplateOutline.Cut] = []
    var reads: [Int] = []
    var partials: [TemplateOutline.PartialUse] = []
    /// The nodes read so far, one list per open section (`RenderEstimate`).
    var tree: [[TemplateNode]] = [[]]
    /// Where the text after the last tag starts.
    var textStart = 0

    init(text: String) {
        self.text = text
        self.index = text.startIndex
    }

    var here: TemplateOutline.Cut {
        TemplateOutline.Cut(index: index, offset: offset, line: line, column: column, contentType: contentType)
    }

    var atEnd: Bool { index == text.endIndex }

    func peek(_ distance: Int = 0) -> Character? {
        var i = index
        for _ in 0..<distance {
            guard i < text.endIndex else { return nil }
            i = text.index(after: i)
        }
        return i < text.endIndex ? text[i] : nil
    }

    mutating func advance() {
        let c = text[index]
        index = text.index(after: index)
        offset += 1
        if c.isNewline {
            line += 1
            column = 1
        } else {
            column += 1
        }
    }

    static func isLineBreak(_ c: Character) -> Bool { c == "\n" || c == "\r\n" }

    /// Cuts in the middle of a line are kept at least `cutSpacing` characters apart: a piece
    /// is a few hundred characters, and a cut at every character of a long line of text
    /// would cost more to note than it saves.
    var cutSpacing = 16

    var spacedFromLastCut: Bool { offset - (cuts.last?.offset ?? 0) >= cutSpacing }

    /// Reads the whole template.
    mutating func run() throws(TemplateOutline.Problem) {
        cuts.append(here)
        while !atEnd {
            if newLine {
                if open.isEmpty && offset > 0 && lineBroken { cuts.append(here) }
                while let c = peek(), c == " " || c == "\t" { advance() }
                solidBefore = false
            }
            lineBroken = false
            var sawText = false
            while let c = peek(), !Self.isLineBreak(c) {
                if c == "{" {
                    reads.append(offset)
                    if peek(1) == "{" { break }
                }
                if open.isEmpty && solidBefore && !c.isWhitespace && spacedFromLastCut { cuts.append(here) }
                advance()
                sawText = true
                solidBefore = !c.isWhitespace && c != "{"
            }
            guard let c = peek() else { break }
            if Self.isLineBreak(c) {
                advance()
                newLine = true
                lineBroken = true
                continue
            }
            if sawText { newLine = false }
            let start = here
            advance()
            advance()
            if atEnd { break }
            if let c = peek(), c.isNewline {
                // What swift-mustache does: `{{` right before a line-break character is dropped.
                advance()
                newLine = true
                lineBroken = true
                continue
            }
            try tag(from: start)
        }
        if let section = open.last {
            throw .init(line: section.line, message: "\(section.tag) is never closed")
        }
        addText(upTo: offset)
    }

    /// Adds the text since the last tag, as its length in characters.
    mutating func addText(upTo end: Int) {
        if end > textStart { tree[tree.count - 1].append(.text(end - textStart)) }
    }

    /// Whether the end follows, or spaces and tabs up to a line-break character (then taken).
    /// (Spaces or tabs and then the end do not count.)
    mutating func lineFinished() -> Bool {
        if atEnd { return true }
        var ahead = 0
        while let c = peek(ahead), c == " " || c == "\t" { ahead += 1 }
        guard let c = peek(ahead), c.isNewline else { return false }
        for _ in 0...ahead { advance() }
        lineBroken = true
        return true
    }

    /// Reads one tag, just after its `{{`, up to its closing `}}`.
    mutating func tag(from start: TemplateOutline.Cut) throws(TemplateOutline.Problem) {
        let kind = peek() ?? " "
        let inner = index
        while !(peek() == "}" && peek(1) == "}") {
            guard !atEnd else { throw .init(line: start.line, message: "a tag starting with `{{\(kind)` is never closed with `}}`") }
            advance()
        }
        let content = text[inner..<index]
        if kind != "!" { reads.append(offset) }
        advance()
        advance()
        if kind == "{" && peek() == "}" { advance() }
        addText(upTo: start.offset)
        defer { textStart = offset }
        let isVariable = !"#^/!=><$%".contains(kind)
        if isVariable {
            let name = (kind == "{" || kind == "&" ? content.dropFirst() : content[...]).trimmingCharacters(in: .whitespacesAndNewlines)
            tree[tree.count - 1].append(.variable(TemplateKey(name)))
            if open.isEmpty && solidBefore && start.offset - (cuts.last?.offset ?? 0) >= cutSpacing { cuts.append(start) }
            newLine = false
            solidBefore = true
            return
        }
        solidBefore = false
        let name = String(content.dropFirst()).trimmingCharacters(in: .whitespacesAndNewlines)
        if kind == "=" { throw .init(line: start.line, message: "set-delimiter tags (`{{=...=}}`) are not supported") }
        if kind == ">" || kind == "<" {
            guard !name.hasPrefix("*") else { throw .init(line: start.line, message: "dynamic partials (`{{\(kind)*...}}`) are not supported") }
            partials.append(.init(name: name, line: start.line))
            if kind == ">" { tree[tree.count - 1].append(.partial(name)) }
        }
        let standalone = newLine && lineFinished()
        switch kind {
        case "#", "^", "$", "<":
            guard open.count < TemplateOutline.maxDepth else {
                throw .init(line: start.line, message: "sections are nested more than \(TemplateOutline.maxDepth) deep")
            }
            open.append(Open(tag: "{{\(kind)\(name)}}", name: name, line: start.line, standalone: standalone, kind: kind))
            tree.append([])
            newLine = kind == "<" || standalone
        case "/":
            guard let section = open.popLast() else { throw .init(line: start.line, message: "{{/\(name)}} closes no open section") }
            guard section.name == name else {
                throw .init(line: start.line, message: "{{/\(name)}} closes \(section.tag) of line \(section.line)")
            }
            newLine = section.standalone
            let children = tree.removeLast()
            switch section.kind {
            case "<": tree[tree.count - 1].append(.partial(name))
            case "$": tree[tree.count - 1].append(.block(children))
            default: tree[tree.count - 1].append(.section(TemplateKey(name), inverted: section.kind == "^", children))
            }
        default:
            if kind == "%" && open.isEmpty {
                let parts = name.split(separator: ":", maxSplits: 1)
                if parts.count == 2, parts[0].trimmingCharacters(in: .whitespacesAndNewlines) == "CONTENT_TYPE" {
                    contentType = parts[1].trimmingCharacters(in: .whitespacesAndNewlines)
                }
            }
            newLine = standalone
        }
    }
}

/// One pass over a Mustache template that finds what swift-mustache needs to be used
/// safely: where the template can be cut into pieces that parse and render exactly as
/// the whole does, what the parser's look-ahead costs, which partials it includes, and
/// the structural mistakes (an unclosed tag or section, a close that matches nothing,
/// sections nested too deeply) as one-line problems.
///
/// Why pieces: swift-mustache 2.1.1 checks at every `{` and at every tag's end how many
/// characters are left in the whole template (`Parser.read(count:)` calls
/// `String.distance(from:to: endIndex)`, which walks them), so parsing costs
/// tags × length: 545 s for 1.6 MB. Parsed in pieces of a few hundred characters, the
/// same template costs time linear in its length. A cut is made only where swift-mustache's
/// parser is in the same state at the start of a piece as in the whole template
/// (`TemplateScan` follows that state as the parser does):
///
/// - just after a line break, where the parser starts reading a new line, outside any
///   section: it starts each template there. (Not after a section whose opening tag was
///   not alone on its line: swift-mustache then reads the next line as not a new one.)
/// - between two non-blank characters of text, or a variable tag and such a character,
///   or two variable tags, outside any section: nothing there can be a "standalone"
///   line, whose whitespace and line break a tag removes.
///
/// A `{{% CONTENT_TYPE: X}}` outside sections holds for the rest of the template, so a
/// piece after one starts with it again (`contentType`). Set-delimiter tags and dynamic
/// partials are refused: with them, where a tag ends cannot be known before rendering.
/// Characters are Swift `Character`s, as the parser reads them (`\r\n` is one).
struct TemplateOutline {
    /// A place the template may be cut, with what a piece starting there needs.
    struct Cut {
        var index: String.Index
        /// In characters from the start.
        var offset: Int
        var line: Int
        var column: Int
        /// The content type set by the last pragma before the cut, if any.
        var contentType: String?
    }

    /// A partial the template includes (`{{> name}}` or `{{< name}}`).
    struct PartialUse: Equatable {
        var name: String
        var line: Int
    }

    /// A mistake in a template, with the line (and column) it is on.
    struct Problem: Error, Equatable {
        var line: Int
        var column: Int? = nil
        var message: String

        /// `line 3` or `line 3, column 7`.
        var location: String { column.map { "line \(line), column \($0)" } ?? "line \(line)" }
    }

    /// Sections nested deeper than this are refused (the parser and the renderer recurse per level).
    static let maxDepth = 32

    /// Every cut, in order; the first is the start of the template.
    private(set) var cuts: [Cut] = []
    /// The offsets where the parser reads ahead (each `{` and each tag's end), in order.
    private(set) var reads: [Int] = []
    private(set) var partials: [PartialUse] = []
    /// The template as nodes, for estimating what rendering it costs.
    private(set) var tree: [TemplateNode] = []
    /// The end of the template: its length in characters, last line and column.
    private(set) var end: Cut
    /// `readSums[k]` is the sum of `reads[0..<k]`.
    private var readSums: [Int] = [0]

    /// Scans `text`; `contentType` holds until a pragma outside sections names another;
    /// cuts in the middle of a line are at least `cutSpacing` characters apart.
    /// - Throws: `Problem` for a tag that is never closed, a set-delimiter tag, a dynamic
    ///   partial, a section close that matches no open section, an unclosed section, or
    ///   sections nested more than `maxDepth` deep.
    init(_ text: String, contentType: String? = nil, cutSpacing: Int = 16) throws(Problem) {
        var scan = TemplateScan(text: text)
        scan.contentType = contentType
        scan.cutSpacing = cutSpacing
        try scan.run()
        cuts = scan.cuts
        reads = scan.reads
        partials = scan.partials
        tree = scan.tree[0]
        end = Cut(index: text.endIndex, offset: scan.offset, line: scan.line, column: scan.column, contentType: scan.contentType)
        readSums.reserveCapacity(reads.count + 1)
        for read in reads { readSums.append(readSums[readSums.count - 1] + read) }
    }

    /// How many of the parser's look-aheads fall in `from..<to` (offsets).
    func readCount(from: Int, to: Int) -> Int {
        firstRead(atOrAfter: to) - firstRead(atOrAfter: from)
    }

    /// What parsing `from..<to` alone costs swift-mustache: the characters it walks, one
    /// walk from each look-ahead to the end of the piece.
    func cost(from: Int, to: Int) -> Int {
        let low = firstRead(atOrAfter: from), high = firstRead(atOrAfter: to)
        return (high - low) * to - (readSums[high] - readSums[low])
    }

    private func firstRead(atOrAfter offset: Int) -> Int {
        var low = 0, high = reads.count
        while low < high {
            let middle = (low + high) / 2
            if reads[middle] < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

import Mustache
@testable import TallyKit

/// What every input is rendered with: strings, numbers, booleans, lists and objects.
nonisolated(unsafe) let view: [String: Any] = [
    "v": "<a&b \"q\" 'x' *_|#>\u{0}", "n": 7, "flag": true, "off": false, "empty": [Any](),
    "list": [["v": "one"], ["v": "two", "flag": false], ["w": "three"]], "obj": ["v": "inner", "list": [1, 2]],
]
let library = MustacheLibrary(templates: [
    "p": try! MustacheTemplate(string: "P{{v}}\n"), "q": try! MustacheTemplate(string: "  q{{#flag}}\n  {{v}}\n{{/flag}}"),
])
let registered = TallyContentTypes.registered

/// Parses one input as a template whole (swift-mustache) and in pieces (tally): where
/// swift-mustache parses it, the pieces must parse and render the same text; where it
/// does not, neither may the pieces. Refusals by design (set delimiters, dynamic
/// partials, deep nesting) are skipped.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplate(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = registered
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let whole = (try? MustacheTemplate(string: text))?.render(view, library: library)
    for budget in [-1, 64] {
        do {
            let pieces = try PiecewiseTemplate(text, pieceBudget: budget, cutSpacing: budget < 0 ? 0 : 16).render(view, library: library)
            if pieces != whole {
                fatalError("budget \(budget): pieces render \(pieces.debugDescription), whole \(String(describing: whole?.debugDescription)) for \(text.debugDescription)")
            }
        } catch {
            let byDesign = ["set-delimiter", "dynamic partials", "nested more than"].contains { error.message.contains($0) }
            if whole != nil && !byDesign {
                fatalError("budget \(budget): pieces refuse (\(error.message)) what swift-mustache parses: \(text.debugDescription)")
            }
        }
    }
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

/// The entry point SwiftPM links as `main` (built with -parse-as-library): hands over to libFuzzer.
@_cdecl("TallyFuzzTemplate_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var vector = argv
    return runDriver(&count, &vector) { fuzzTemplate($0, $1) }
}

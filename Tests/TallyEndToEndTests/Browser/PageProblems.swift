import Foundation

/// One page loaded in a real browser, and what went wrong there: console errors,
/// uncaught exceptions, CSP violations, JavaScript dialogs, in-page links without
/// a target, links to missing files, and tables wider than the viewport outside
/// a scroll container.
struct PageProblems {
    /// The viewport width the tables must fit in (a phone held upright).
    static let narrowWidth = 390

    /// Reports every CSP violation on the console, where the log events see it; runs before the page's own script.
    static let violationListener = """
        document.addEventListener("securitypolicyviolation", function (e) {
          console.error("CSP violation: " + e.violatedDirective + " blocked " + (e.blockedURI || "inline"));
        });
        """

    /// Gathers links and over-wide tables, returned by value as JSON text.
    static let layoutProbe = """
        (function () {
          var out = { fragments: [], files: [], wide: [], scripted: [] };
          var width = document.documentElement.clientWidth;
          document.querySelectorAll("a[href]").forEach(function (a) {
            var href = a.getAttribute("href");
            if (/^\\s*javascript:/i.test(href)) { out.scripted.push(href); return; }
            if (href.charAt(0) === "#") {
              var id = decodeURIComponent(href.slice(1));
              if (id === "" || !document.getElementById(id)) out.fragments.push(href);
              return;
            }
            if (!/^[a-z][a-z0-9+.-]*:/i.test(href)) out.files.push(a.href);
          });
          document.querySelectorAll("table").forEach(function (t, i) {
            if (t.getBoundingClientRect().right <= width + 0.5 && t.scrollWidth <= width) return;
            for (var e = t.parentElement; e; e = e.parentElement) {
              var o = getComputedStyle(e).overflowX;
              if ((o === "auto" || o === "scroll") && e.getBoundingClientRect().right <= width + 0.5) return;
            }
            out.wide.push((t.caption ? t.caption.textContent : "table " + i) + " (" + Math.round(t.getBoundingClientRect().width) + " px)");
          });
          return JSON.stringify(out);
        })()
        """

    let page: String
    private(set) var problems: [String] = []

    /// Loads `file` in a fresh tab of `browser` at a 390 px wide mobile viewport and records its problems.
    init(_ file: String, in browser: Chromium) throws {
        page = file
        let target = try browser.send("Target.createTarget", ["url": "about:blank"])
        let targetID = target["targetId"] as? String ?? ""
        let attached = try browser.send("Target.attachToTarget", ["targetId": targetID, "flatten": true])
        let session = attached["sessionId"] as? String
        defer { _ = try? browser.send("Target.closeTarget", ["targetId": targetID]) }
        for domain in ["Page.enable", "Runtime.enable", "Log.enable"] { try browser.send(domain, session: session) }
        try browser.send("Emulation.setDeviceMetricsOverride", [
            "width": Self.narrowWidth, "height": 844, "deviceScaleFactor": 1, "mobile": true,
        ], session: session)
        try browser.send("Page.addScriptToEvaluateOnNewDocument", ["source": Self.violationListener], session: session)
        _ = browser.takeEvents()
        try browser.send("Page.navigate", ["url": URL(fileURLWithPath: file).absoluteString], session: session)
        try browser.waitForEvent("Page.loadEventFired", session: session)
        // Let late scripts, timers and dialogs happen.
        try browser.send("Runtime.evaluate", [
            "expression": "new Promise(function (r) { setTimeout(r, 300); })", "awaitPromise": true,
        ], session: session)
        record(browser.takeEvents())
        let probe = try browser.send("Runtime.evaluate", ["expression": Self.layoutProbe, "returnByValue": true], session: session)
        let json = (probe["result"] as? [String: Any])?["value"] as? String ?? "{}"
        let layout = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: [String]] ?? [:]
        for href in layout["scripted"] ?? [] { problems.append("javascript: link \(href)") }
        for href in layout["fragments"] ?? [] { problems.append("in-page link without a target: \(href)") }
        for table in layout["wide"] ?? [] { problems.append("table wider than \(Self.narrowWidth) px outside a scroll container: \(table)") }
        for link in layout["files"] ?? [] { checkFileLink(link) }
        record(browser.takeEvents())
    }

    /// Console errors, exceptions, log errors and dialogs (already dismissed) among `events`.
    private mutating func record(_ events: [[String: Any]]) {
        for event in events {
            let params = event["params"] as? [String: Any] ?? [:]
            switch event["method"] as? String {
            case "Runtime.consoleAPICalled" where ["error", "assert"].contains(params["type"] as? String):
                let args = (params["args"] as? [[String: Any]] ?? []).map { "\($0["value"] ?? $0["description"] ?? "")" }
                problems.append("console error: \(args.joined(separator: " "))")
            case "Runtime.exceptionThrown":
                let details = params["exceptionDetails"] as? [String: Any] ?? [:]
                problems.append("exception: \((details["exception"] as? [String: Any])?["description"] ?? details["text"] ?? "")")
            case "Log.entryAdded":
                let entry = params["entry"] as? [String: Any] ?? [:]
                if entry["level"] as? String == "error" { problems.append("log error: \(entry["text"] ?? "")") }
            case "Page.javascriptDialogOpening":
                problems.append("JavaScript dialog (\(params["type"] ?? "")): \(params["message"] ?? "")")
            default:
                break
            }
        }
    }

    /// A relative link must name an existing file, and its fragment an element there.
    private mutating func checkFileLink(_ link: String) {
        guard let url = URL(string: link), url.isFileURL else { return }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            problems.append("link to a missing file: \(url.path)")
            return
        }
        if let fragment = url.fragment, !fragment.isEmpty {
            let text = String(decoding: data, as: UTF8.self)
            if !text.contains("id=\"\(fragment)\"") { problems.append("link to a missing fragment: \(link)") }
        }
    }
}

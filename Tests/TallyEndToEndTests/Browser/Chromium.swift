import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Headless Chromium for the tests, driven over the DevTools protocol on a pipe
/// (`--remote-debugging-pipe`: the browser reads commands on fd 3 and writes
/// answers and events on fd 4, each message a JSON text ended by a NUL byte).
///
/// When no Chromium is installed the browser tests skip, unless
/// `TALLY_REQUIRE_REAL_COMPONENTS=1` (`.ci/run`), when they fail.
final class Chromium: @unchecked Sendable {
    /// The browser program: `$CHROMIUM`, else `chromium`, `chromium-browser` or `google-chrome` on `PATH`.
    static let binary: String? = {
        let fm = FileManager.default
        if let given = ProcessInfo.processInfo.environment["CHROMIUM"], fm.isExecutableFile(atPath: given) { return given }
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
            where fm.isExecutableFile(atPath: "\(directory)/\(name)") {
                return "\(directory)/\(name)"
            }
        }
        return nil
    }()

    /// Whether the tests must fail rather than skip without a browser.
    static let required = ProcessInfo.processInfo.environment["TALLY_REQUIRE_REAL_COMPONENTS"] == "1"

    /// Whether the browser tests run: a browser exists, or it is required (then missing fails).
    static let enabled = required || binary != nil

    /// A protocol failure: a command's error, a timeout, or the browser gone.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private var pid: pid_t = 0
    private let commands: Int32
    private let answers: Int32
    private let profile: String
    private var pending: [UInt8] = []
    private var nextID = 1
    /// Events received and not yet taken, oldest first.
    private(set) var events: [[String: Any]] = []

    /// Starts a browser with a fresh profile and no window.
    init() throws {
        guard let binary = Self.binary else { throw Failure(description: "chromium not found (apt-get install chromium)") }
        profile = NSTemporaryDirectory() + "tally-chromium-\(UUID().uuidString.prefix(8))"
        var toBrowser: [Int32] = [0, 0], fromBrowser: [Int32] = [0, 0]
        guard pipe(&toBrowser) == 0, pipe(&fromBrowser) == 0 else { throw Failure(description: "pipe failed") }
        // Out of the way of fds 3 and 4, and closed on exec unless moved there.
        let childIn = fcntl(toBrowser[0], F_DUPFD_CLOEXEC, 100), childOut = fcntl(fromBrowser[1], F_DUPFD_CLOEXEC, 100)
        for fd in [toBrowser[0], fromBrowser[1]] { close(fd) }
        commands = toBrowser[1]
        answers = fromBrowser[0]
        _ = fcntl(commands, F_SETFD, FD_CLOEXEC)
        _ = fcntl(answers, F_SETFD, FD_CLOEXEC)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, childIn, 3)
        posix_spawn_file_actions_adddup2(&actions, childOut, 4)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var arguments = [
            binary, "--headless=new", "--remote-debugging-pipe", "--user-data-dir=\(profile)", "--no-first-run",
            "--no-default-browser-check", "--disable-extensions", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--allow-file-access-from-files", "about:blank",
        ]
        if geteuid() == 0 { arguments.insert("--no-sandbox", at: 1) }
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let status = posix_spawn(&pid, binary, &actions, nil, argv, environ)
        close(childIn)
        close(childOut)
        guard status == 0 else { throw Failure(description: "cannot start \(binary): \(String(cString: strerror(status)))") }
    }

    deinit {
        close(commands)
        close(answers)
        if pid > 0 {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        try? FileManager.default.removeItem(atPath: profile)
    }

    /// Sends one command and waits for its answer, keeping events that arrive meanwhile.
    ///
    /// - Returns: the answer's `result` object.
    /// - Throws: `Failure` for a protocol error or no answer within `timeout` seconds.
    @discardableResult
    func send(_ method: String, _ params: [String: Any] = [:], session: String? = nil, timeout: Double = 30) throws -> [String: Any] {
        let id = try post(method, params, session: session)
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let next = try receive(until: deadline, waitingFor: method)
            if next["id"] as? Int == id {
                if let error = next["error"] as? [String: Any] { throw Failure(description: "\(method): \(error)") }
                return next["result"] as? [String: Any] ?? [:]
            }
            if next["method"] != nil { try keep(next) }
        }
    }

    /// Writes one command without waiting for its answer; returns its id.
    private func post(_ method: String, _ params: [String: Any], session: String?) throws -> Int {
        let id = nextID
        nextID += 1
        var message: [String: Any] = ["id": id, "method": method, "params": params]
        if let session { message["sessionId"] = session }
        var bytes = [UInt8](try JSONSerialization.data(withJSONObject: message))
        bytes.append(0)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(commands, $0.baseAddress, $0.count) }
            guard written > 0 else { throw Failure(description: "\(method): the browser closed its pipe") }
            offset += written
        }
        return id
    }

    /// Keeps an event; a JavaScript dialog is dismissed at once, since it blocks its page.
    private func keep(_ event: [String: Any]) throws {
        events.append(event)
        if event["method"] as? String == "Page.javascriptDialogOpening" {
            _ = try post("Page.handleJavaScriptDialog", ["accept": false], session: event["sessionId"] as? String)
        }
    }

    /// Waits until an event named `method` (for `session`) arrives; earlier events are kept.
    func waitForEvent(_ method: String, session: String?, timeout: Double = 30) throws {
        let deadline = Date().addingTimeInterval(timeout)
        if events.contains(where: { $0["method"] as? String == method && $0["sessionId"] as? String == session }) { return }
        while true {
            let next = try receive(until: deadline, waitingFor: method)
            guard next["method"] != nil else { continue }
            try keep(next)
            if next["method"] as? String == method && next["sessionId"] as? String == session { return }
        }
    }

    /// Takes (and forgets) the events received so far.
    func takeEvents() -> [[String: Any]] {
        defer { events.removeAll() }
        return events
    }

    /// Reads the next message, waiting at most until `deadline`.
    private func receive(until deadline: Date, waitingFor what: String) throws -> [String: Any] {
        while true {
            if let end = pending.firstIndex(of: 0) {
                let message = Data(pending[..<end])
                pending.removeSubrange(...end)
                if let object = try JSONSerialization.jsonObject(with: message) as? [String: Any] { return object }
                continue
            }
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { throw Failure(description: "no \(what) from the browser in time") }
            var poller = pollfd(fd: answers, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, Int32(min(left, 1) * 1000)) >= 0 else { continue }
            guard poller.revents != 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let count = chunk.withUnsafeMutableBytes { read(answers, $0.baseAddress, $0.count) }
            guard count > 0 else { throw Failure(description: "the browser exited while waiting for \(what)") }
            pending += chunk[..<count]
        }
    }
}

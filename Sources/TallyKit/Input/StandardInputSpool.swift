import Foundation

/// Copies a stream (standard input, a named pipe, `<(cmd)`, a device) to a temporary file
/// so it can be sniffed, split into shards and read twice, as a file.
enum StandardInputSpool {
    /// Spools stdin into a new file under `directory` (the system temporary directory by default).
    ///
    /// Waits for input a fifth of a second at a time, checking `cancellation` in between,
    /// so a signal stops a run whose input never ends.
    /// - Throws: `TallyError.cannotOpen` for `-` when the copy cannot be written (the partial
    ///   file is removed); `Interrupted` when cancelled.
    static func spool(into directory: String?, cancellation: Cancellation?) throws -> SpooledInput {
        try spool(STDIN_FILENO, name: "-", what: "standard input", into: directory, cancellation: cancellation)
    }

    /// Spools the stream at `path` (not a regular file), called `name` in messages.
    ///
    /// A named pipe is opened without waiting for its writer: the copy waits (and
    /// stays cancellable) until a writer has come and gone.
    static func spool(stream path: String, name: String, into directory: String?, cancellation: Cancellation?) throws -> SpooledInput {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            throw TallyError.cannotOpen(file: name, message: "cannot be opened for reading: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        return try spool(fd, name: name, what: name, into: directory, cancellation: cancellation)
    }

    /// Copies `input` to its end into a new file under `directory`.
    private static func spool(
        _ input: Int32, name: String, what: String, into directory: String?, cancellation: Cancellation?
    ) throws -> SpooledInput {
        let dir = directory ?? NSTemporaryDirectory()
        let path = (dir as NSString).appendingPathComponent("tally-stdin-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        let out = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard out >= 0 else { throw TallyError.cannotOpen(file: name, message: "cannot spool \(what) to \(dir)") }
        let spooled = SpooledInput(path: path)
        defer { close(out) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            try cancellation?.check()
            // A pipe opened without a writer reads as ended: read only once poll says something happened.
            var ready = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
            if poll(&ready, 1, 200) == 0 { continue }
            let n = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress!, $0.count) }
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw TallyError.cannotOpen(file: name, message: "cannot read \(what): \(String(cString: strerror(errno)))")
            }
            if let failure = Descriptor.writeAll(out, buffer, count: n) {
                throw TallyError.cannotOpen(file: name, message: "cannot spool \(what) to \(dir): \(failure)")
            }
        }
        return spooled
    }
}

/// A temporary copy of standard input, removed when the last source reading it goes.
final class SpooledInput: Sendable {
    /// Where the copy is.
    let path: String

    init(path: String) { self.path = path }

    deinit { unlink(path) }
}

/// A source reading a spooled copy of standard input: the inner source, keeping the copy alive.
struct SpooledSource: HistorySource {
    /// The source reading the copy.
    let inner: any HistorySource
    /// The copy, removed once no shard or copy of this source is left.
    let input: SpooledInput

    var name: String { inner.name }
    var formatName: String { inner.formatName }
    var idsMayRepeat: Bool { inner.idsMayRepeat }

    func read(_ options: ReadOptions, into visitor: inout some RecordVisitor) throws {
        try inner.read(options, into: &visitor)
    }

    func shards(_ count: Int) throws -> [any HistorySource] {
        try inner.shards(count).map { SpooledSource(inner: $0, input: input) }
    }
}

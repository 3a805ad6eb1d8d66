import Foundation

/// Copies standard input to a temporary file so it can be sniffed and read twice.
enum StandardInputSpool {
    /// Spools stdin into a new file under `directory` (the system temporary directory by default).
    static func spool(into directory: String?) throws -> String {
        let dir = directory ?? NSTemporaryDirectory()
        let path = (dir as NSString).appendingPathComponent("tally-stdin-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let out = FileHandle(forWritingAtPath: path)
        else { throw TallyError.cannotOpen(file: "-", message: "cannot spool standard input to \(dir)") }
        defer { try? out.close() }
        let input = FileHandle.standardInput
        while true {
            let chunk = input.readData(ofLength: 1 << 20)
            if chunk.isEmpty { break }
            do {
                try out.write(contentsOf: chunk)
            } catch {
                unlink(path)
                throw TallyError.cannotOpen(file: "-", message: "cannot spool standard input to \(dir): \(error.localizedDescription)")
            }
        }
        SpooledFiles.shared.register(path)
        return path
    }
}

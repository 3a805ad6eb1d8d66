#if DEBUG
import Foundation
import Synchronization

/// Test seam: `TALLY_TEST_PAUSE_IN_READ=PATH` stops the first read of a source
/// file once it has read its first bytes (a JSON file) or opened its snapshot (a
/// SQLite file), so an end-to-end test can change the file under the read. The
/// run creates PATH holding its pid, then waits until PATH is removed, 30 s at
/// most. Debug builds only: release builds contain neither this type nor the name.
enum ReadPause {
    private static let taken = Atomic<Bool>(false)

    /// Pauses here if the environment asks and no read has paused yet.
    static func here(_ what: String) {
        guard let raw = getenv("TALLY_TEST_PAUSE_IN_READ"), raw.pointee != 0 else { return }
        guard !taken.exchange(true, ordering: .relaxed) else { return }
        let flag = String(cString: raw)
        _ = FileManager.default.createFile(atPath: flag, contents: Data("\(getpid()) \(what)\n".utf8))
        for _ in 0..<3000 where FileManager.default.fileExists(atPath: flag) { usleep(10_000) }
    }
}
#endif

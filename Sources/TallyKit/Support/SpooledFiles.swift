import Foundation

/// Temporary files tally made for its inputs, removed when the run ends.
final class SpooledFiles: @unchecked Sendable {
    static let shared = SpooledFiles()
    private let lock = NSLock()
    private var paths: [String] = []

    func register(_ path: String) {
        lock.lock(); defer { lock.unlock() }
        paths.append(path)
    }

    /// Removes every spooled file.
    func removeAll() {
        lock.lock(); defer { lock.unlock() }
        for p in paths { try? FileManager.default.removeItem(atPath: p) }
        paths.removeAll()
    }
}

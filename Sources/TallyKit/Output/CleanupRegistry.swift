import Foundation

/// Paths to remove if the run is interrupted or fails: temporary directories and spools.
///
/// The signal handlers (`InterruptHandling`) and the normal error paths both use
/// it, so a killed run leaves nothing half-written behind.
package final class CleanupRegistry: @unchecked Sendable {
    /// The process-wide registry.
    package static let shared = CleanupRegistry()
    private let lock = NSLock()
    private var paths: [String] = []

    /// Registers a path to remove on interruption.
    package func register(_ path: String) {
        lock.lock(); defer { lock.unlock() }
        paths.append(path)
    }

    /// Forgets a path (it was moved into place or removed already).
    package func unregister(_ path: String) {
        lock.lock(); defer { lock.unlock() }
        paths.removeAll { $0 == path }
    }

    /// Removes every registered path and spooled input.
    package func removeAll() {
        lock.lock()
        let all = paths
        paths.removeAll()
        lock.unlock()
        for p in all { try? FileManager.default.removeItem(atPath: p) }
        SpooledFiles.shared.removeAll()
    }
}

/// Turns SIGINT and SIGTERM into a clean exit: temporary files removed, exit 130 or 143.
package enum InterruptHandling {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    /// Installs the handlers (once, at the start of a command).
    package static func install() {
        for (signo, status) in [(SIGINT, ExitStatus.interrupted), (SIGTERM, ExitStatus.terminated)] {
            signal(signo, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signo, queue: .global())
            source.setEventHandler {
                CleanupRegistry.shared.removeAll()
                FileHandle.standardError.write(Data("tally: error: \(signo == SIGINT ? "interrupted" : "terminated"); temporary files removed, previous output untouched\n".utf8))
                exit(status.rawValue)
            }
            source.resume()
            sources.append(source)
        }
    }
}

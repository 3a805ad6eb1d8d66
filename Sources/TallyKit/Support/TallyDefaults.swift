import Foundation
import CSQLite3

/// Defaults that depend on the machine, read once, in one place.
package enum TallyDefaults {
    /// Threads to read with: the number of active cores.
    package static var parallelism: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}

/// The version `tally --version` prints.
package enum TallyVersion {
    /// tally's own version.
    package static let tally = "0.1.0"
    /// `tally 0.1.0 (SQLite 3.40.1)`.
    package static var description: String {
        "tally \(tally) (SQLite \(String(cString: sqlite3_libversion())))"
    }
}

/// The exit statuses tally documents (README, `--help`).
public enum ExitStatus: Int32, Sendable, CaseIterable {
    /// Success.
    case success = 0
    /// Anything not covered below (a bug, an unexpected system error).
    case failure = 1
    /// Bad arguments or options (sysexits `EX_USAGE`).
    case usage = 64
    /// Bad data: a malformed input, a bad plan or template, or a skipped row under `--strict` (`EX_DATAERR`).
    case dataError = 65
    /// An input that cannot be opened or is not a history; an unknown user (`EX_NOINPUT`).
    case noInput = 66
    /// An output that cannot be written (`EX_CANTCREAT`).
    case cannotCreate = 73
    /// `stats --api-compat` for an inactive user, whom the endpoint answers 403 (`EX_NOPERM`).
    case noPermission = 77
    /// Interrupted by SIGINT.
    case interrupted = 130
    /// Terminated by SIGTERM.
    case terminated = 143
}

/// An error that knows which documented exit status it ends the run with.
public protocol ExitStatusProviding: Error, CustomStringConvertible {
    /// The exit status for this error.
    var exitStatus: ExitStatus { get }
}

/// The errors of tally's library, each a one-line message naming what failed.
public enum TallyError: ExitStatusProviding, Equatable {
    /// Bad arguments (exit 64).
    case usage(String)
    /// Bad data in `file`, at `location` when known (exit 65).
    case badData(file: String, location: String?, message: String)
    /// An input that cannot be opened or is not a history (exit 66).
    case cannotOpen(file: String, message: String)
    /// An unknown user or customer (exit 66), with the nearest known id or email when one is close.
    case unknownUser(String, suggestion: String? = nil)
    /// An inactive user asked for in the endpoint's exact view, which answers them 403 (exit 77).
    case inactiveUser(String)
    /// An output that cannot be written (exit 73).
    case cannotWrite(path: String, message: String)
    /// An inconsistency tally found in its own results (exit 1).
    case internalInconsistency(String)

    public var exitStatus: ExitStatus {
        switch self {
        case .usage: return .usage
        case .badData: return .dataError
        case .cannotOpen, .unknownUser: return .noInput
        case .cannotWrite: return .cannotCreate
        case .inactiveUser: return .noPermission
        case .internalInconsistency: return .failure
        }
    }

    public var description: String {
        switch self {
        case .usage(let message):
            return message
        case .badData(let file, let location, let message):
            return location.map { "\(file): \($0): \(message)" } ?? "\(file): \(message)"
        case .cannotOpen(let file, let message):
            return "\(file): \(message)"
        case .unknownUser(let user, let suggestion):
            let hint = suggestion.map { "; did you mean '\($0)'?" } ?? ""
            return "unknown user '\(user)': no user with that id or email in the sources\(hint)"
        case .inactiveUser(let user):
            return "user '\(user)' is inactive: the endpoint answers 403 \"User account is disabled\"; "
                + "drop --api-compat for their numbers"
        case .cannotWrite(let path, let message):
            return "\(path): \(message)"
        case .internalInconsistency(let message):
            return "internal inconsistency: \(message)"
        }
    }
}

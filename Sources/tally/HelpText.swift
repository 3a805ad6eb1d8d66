import ArgumentParser

/// Help screens with their examples intact.
///
/// argument-parser wraps a command's discussion to the terminal width, which breaks a
/// crontab example (longer than 80 columns with the installed path) into two lines that
/// no longer paste. The discussion is written wrapped already, so it is printed as
/// written: the top of the screen comes from an unwrapped rendering, the overview line
/// and the option list from the one at the terminal's width.
enum HelpText {
    /// What argument-parser would print for `error` (help, version, a completion script),
    /// with the discussion unwrapped.
    static func fullMessage(for error: any Error) -> String {
        splice(wrapped: Tally.fullMessage(for: error), unwrapped: Tally.fullMessage(for: error, columns: 1 << 20))
    }

    /// `wrapped` with its discussion (between the overview paragraph and `USAGE:`) taken from `unwrapped`.
    static func splice(wrapped: String, unwrapped: String) -> String {
        guard wrapped.hasPrefix("OVERVIEW:"),
              let usage = wrapped.range(of: "\nUSAGE:"), let wideUsage = unwrapped.range(of: "\nUSAGE:"),
              let overviewEnd = wrapped.range(of: "\n\n"), overviewEnd.lowerBound < usage.lowerBound,
              let wideOverviewEnd = unwrapped.range(of: "\n\n"), wideOverviewEnd.lowerBound < wideUsage.lowerBound
        else { return wrapped }
        return String(wrapped[..<overviewEnd.lowerBound]) + unwrapped[wideOverviewEnd.lowerBound..<wideUsage.lowerBound]
            + wrapped[usage.lowerBound...]
    }
}

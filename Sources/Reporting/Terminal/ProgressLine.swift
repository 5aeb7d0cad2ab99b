import Foundation
import Ingest
import Synchronization

/// The line that shows, on a terminal, how far a long read has gone: bytes read of the total, rows per second
/// and the time left. It is redrawn in place on standard error and erased when the read ends; when standard
/// error is not a terminal (a pipe, a file, a CI log) nothing is ever written.
public final class ProgressLine: Sendable {
    /// Whether the output is a terminal; when false, `show` and `clear` write nothing.
    public let isTerminal: Bool
    private let write: @Sendable (String) -> Void
    /// Whether a line is drawn; held while it is written, so that a redraw and an erase never interleave.
    private let isShown = Mutex(false)

    /// Moves to the start of the line and erases it.
    static let erase = "\r\u{1B}[K"

    /// Creates a line written with `write` (standard error in the command line).
    public init(isTerminal: Bool, write: @escaping @Sendable (String) -> Void) {
        self.isTerminal = isTerminal
        self.write = write
    }

    /// A line on standard error, shown only when standard error is a terminal, written with `write` (the command
    /// line passes its standard-error stream, which keeps a failed write for the exit status instead of trapping).
    public static func standardError(write: @escaping @Sendable (String) -> Void) -> ProgressLine {
        ProgressLine(isTerminal: isatty(STDERR_FILENO) != 0, write: write)
    }

    /// A progress counter that redraws this line, or nil when the output is not a terminal.
    public func readProgress() -> ReadProgress? {
        guard isTerminal else { return nil }
        return ReadProgress { [self] snapshot in show(snapshot) }
    }

    /// Draws `snapshot` in place of the previous line.
    public func show(_ snapshot: ReadProgress.Snapshot) {
        guard isTerminal else { return }
        isShown.withLock { isShown in
            isShown = true
            write(Self.erase + Self.text(snapshot))
        }
    }

    /// Erases the line, if one was drawn.
    public func clear() {
        guard isTerminal else { return }
        isShown.withLock { isShown in
            guard isShown else { return }
            isShown = false
            write(Self.erase)
        }
    }

    /// `reading 600 MB of 1.2 GB (50%), 2.0M rows/s, 4 s left` (decimal units; the time left assumes the rate
    /// so far holds).
    public static func text(_ snapshot: ReadProgress.Snapshot) -> String {
        var parts = ["reading \(bytes(snapshot.bytesRead)) of \(bytes(snapshot.totalBytes))"]
        if snapshot.totalBytes > 0 {
            parts[0] += " (\(min(100, snapshot.bytesRead * 100 / snapshot.totalBytes))%)"
        }
        guard snapshot.elapsed > 0 else { return parts[0] }
        parts.append("\(rate(Double(snapshot.rows) / snapshot.elapsed)) rows/s")
        if snapshot.bytesRead > 0 {
            let left =
                Double(max(0, snapshot.totalBytes - snapshot.bytesRead)) * snapshot.elapsed
                / Double(snapshot.bytesRead)
            parts.append("\(Int(left.rounded(.up))) s left")
        }
        return parts.joined(separator: ", ")
    }

    private static func bytes(_ count: Int) -> String {
        let value = Double(count)
        if value >= 1e9 { return oneDecimal(value / 1e9) + " GB" }
        if value >= 1e6 { return "\(Int((value / 1e6).rounded())) MB" }
        if value >= 1e3 { return "\(Int((value / 1e3).rounded())) kB" }
        return "\(count) B"
    }

    private static func rate(_ value: Double) -> String {
        if value >= 1e6 { return oneDecimal(value / 1e6) + "M" }
        if value >= 1e3 { return "\(Int((value / 1e3).rounded()))k" }
        return "\(Int(value.rounded()))"
    }

    private static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}

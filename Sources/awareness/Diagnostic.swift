import Analytics
import ArgumentParser
import Foundation
import Ingest
import Reporting

/// One thing a command tells the user on standard error: `<severity>: <file>:<line>:<column>: <message>`, the
/// location as far as it is known.
struct Diagnostic: Sendable, Equatable {
    /// How serious it is.
    enum Severity: String, Sendable {
        /// The command could not do what was asked, or the data has a problem.
        case error
        /// Worth reading; the command went on.
        case warning
        /// Says what the diagnostics before it left out.
        case note
    }

    let severity: Severity
    /// The file concerned, as a path the user can open, with the line and column when known.
    let location: InputLocation?
    let message: String

    /// An error about `file` (at `line` and `column` when known).
    static func error(_ message: String, file: String? = nil, line: Int? = nil, column: Int? = nil) -> Diagnostic {
        Diagnostic(
            severity: .error, location: file.map { InputLocation(file: $0, line: line, column: column) },
            message: message)
    }

    /// A warning about `file` (at `line` when known).
    static func warning(_ message: String, file: String? = nil, line: Int? = nil) -> Diagnostic {
        Diagnostic(severity: .warning, location: file.map { InputLocation(file: $0, line: line) }, message: message)
    }

    /// The line printed: `<severity>: <location>: <message>`, every control character of the file name and of
    /// the names and ids the message quotes escaped (``ShownText``), so that none reaches the terminal and the
    /// diagnostic stays on its line.
    var text: String {
        "\(severity.rawValue): " + ShownText.escapingControls((location.map { "\($0): " } ?? "") + message)
    }
}

/// The exit status of every command (DESIGN §2).
enum ExitStatus: Int32, Sendable, Comparable {
    /// Done.
    case success = 0
    /// The night fails for its data (``NightVerdict``), a campaign has no estimate, or an error was printed.
    case dataProblems = 1
    /// A usage or configuration error.
    case usage = 2
    /// A file or a feed folder could not be read, or an output could not be written.
    case ioFailure = 3

    /// The status a night's data verdict gives.
    init(_ verdict: DataVerdict) {
        switch verdict {
        case .usable: self = .success
        case .problems: self = .dataProblems
        case .ioFailure: self = .ioFailure
        }
    }

    static func < (lhs: ExitStatus, rhs: ExitStatus) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A command ended short of success: the diagnostics still to print and the exit status. `Awareness.main` prints
/// them with ``DiagnosticPrinter`` and exits with the status.
struct CommandFailure: Error {
    var diagnostics: [Diagnostic]
    let status: ExitStatus

    init(_ status: ExitStatus, _ diagnostics: [Diagnostic] = []) {
        self.status = status
        self.diagnostics = diagnostics
    }

    /// The data folder could not be read: configuration (2) or I/O (3).
    init(_ error: DataFolder.LoadError) {
        self.init(error.isIOError ? .ioFailure : .usage, [Diagnostic(error)])
    }
}

/// The one printer of diagnostics, on standard error (``StandardStream/error``: a failed write is kept for the
/// exit status, never a trap).
enum DiagnosticPrinter {
    /// Prints `diagnostic` on its own line.
    static func print(_ diagnostic: Diagnostic) {
        StandardStream.error.write(diagnostic.text + "\n")
    }

    /// Prints `diagnostics` in order.
    static func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { print(diagnostic) }
    }
}

extension Diagnostic {
    /// A data folder or campaigns.yaml that could not be read, located in campaigns.yaml when it is to blame.
    init(_ error: DataFolder.LoadError) {
        switch error {
        case .folderNotFound(let path):
            self = .error("no such data folder", file: path)
        case .calendar(let error):
            self.init(
                severity: .error, location: error.location,
                message: (error.keyPath.isEmpty ? "" : error.keyPath + ": ") + error.message)
        }
    }

    /// A finding of the data-quality summary (a refused file, a rejected row, files read out of date order).
    init(_ finding: DataQualitySummary.Finding) {
        let severity: Severity
        switch finding.severity {
        case .error: severity = .error
        case .warning: severity = .warning
        case .note: severity = .note
        }
        self.init(severity: severity, location: finding.location, message: finding.message)
    }

    /// A warning of campaigns.yaml against the data, at the campaign's line when known.
    init(_ warning: CalendarWarning, calendarFile: String) {
        self = .warning(warning.text(in: .en), file: calendarFile, line: warning.line)
    }
}

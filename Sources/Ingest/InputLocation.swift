import Foundation

/// Where something is in an input file: the file, and the 1-based line and column when they are known.
///
/// Every `file:line:column` the project prints (rejects, refused files, campaigns.yaml errors, diagnostics on
/// standard error) is written by ``description``, so they all follow one rule.
public struct InputLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file, as a path the user can open (or relative to the data folder, before ``inFolder(_:)``).
    public var file: String
    /// The 1-based line, when known.
    public var line: Int?
    /// The 1-based column, when known; shown only with a line.
    public var column: Int?

    /// The location `file`, at `line` and `column` when known.
    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, leaving out what is unknown.
    public var description: String {
        guard let line else { return file }
        return column.map { "\(file):\(line):\($0)" } ?? "\(file):\(line)"
    }

    /// The same location with a relative file taken inside `folder` (`Data` and `helpline_calls/2020.csv` give
    /// `Data/helpline_calls/2020.csv`); an absolute file stays as it is.
    public func inFolder(_ folder: String) -> InputLocation {
        guard !file.hasPrefix("/") else { return self }
        return InputLocation(
            file: (folder as NSString).appendingPathComponent(file), line: line, column: column)
    }
}

extension RejectedRow {
    /// Where the row is: its file, line and column (column 1 when the problem is the whole row).
    public var location: InputLocation {
        InputLocation(file: file, line: line, column: column ?? 1)
    }
}

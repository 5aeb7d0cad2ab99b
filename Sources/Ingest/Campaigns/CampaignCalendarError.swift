/// A problem with `campaigns.yaml`: where it is (file, 1-based line and column, key path) and what is wrong.
///
/// Printed as `<file>:<line>:<column>: <key path>: <message>`, leaving out the parts that are unknown, e.g.
/// `Data/campaigns.yaml:9:10: campaigns[1].end: "2020-11-31" is not a date`.
public struct CampaignCalendarError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path of the file, as given to `CampaignCalendar.load(contentsOf:)` or `parse(yaml:file:)`.
    public let file: String
    /// The 1-based line, when known.
    public let line: Int?
    /// The 1-based column, counted in Unicode scalars, when known.
    public let column: Int?
    /// Where in the document, such as `campaigns[1].end`; empty for the document as a whole.
    public let keyPath: String
    /// What is wrong, for an analyst to read.
    public let message: String
    /// Whether the file could not be read at all (an I/O failure rather than a configuration error).
    public let isIOError: Bool

    /// Creates an error at the given place.
    public init(
        file: String, line: Int?, column: Int?, keyPath: String, message: String, isIOError: Bool = false
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.keyPath = keyPath
        self.message = message
        self.isIOError = isIOError
    }

    /// Where the problem is, as far as known.
    public var location: InputLocation { InputLocation(file: file, line: line, column: column) }

    /// `<file>:<line>:<column>: <key path>: <message>`, without the parts that are unknown or empty.
    public var description: String {
        var text = "\(location): "
        if !keyPath.isEmpty { text += "\(keyPath): " }
        return text + message
    }
}

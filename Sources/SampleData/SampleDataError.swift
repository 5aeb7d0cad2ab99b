/// A failure to write the sample data: the path and what went wrong.
public struct SampleDataError: Error, Sendable, CustomStringConvertible {
    /// The file or folder concerned.
    public let path: String
    /// What went wrong, for the analyst.
    public let message: String

    /// Creates the error.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `path: message`, as the CLI prints after `error: `.
    public var description: String { "\(path): \(message)" }
}

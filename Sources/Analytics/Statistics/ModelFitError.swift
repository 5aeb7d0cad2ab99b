/// Why a model could not be fitted, in words an analyst can act on.
public struct ModelFitError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, such as "design matrix is singular (column 'holiday' has no variation)".
    public let message: String
    /// The design column involved, when one is to blame.
    public let column: String?

    /// Creates an error with `message`, naming `column` when one is to blame.
    public init(_ message: String, column: String? = nil) {
        self.message = message
        self.column = column
    }

    /// The message.
    public var description: String { message }
}

/// Whether ingested data is usable; the command line maps it to the exit status of `validate` and `run`.
public enum DataVerdict: Sendable, Equatable {
    /// Every file was read and the reject rate is within the threshold.
    case usable
    /// Too many rows were rejected, or a file was refused for its content.
    case problems
    /// A file or a feed folder could not be read (permissions, a directory named `.csv`, a read error).
    case ioFailure
}

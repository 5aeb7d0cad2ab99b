import Reporting

/// Why an ``OutputFolder`` could not write or swap in its outputs.
public enum OutputFolderError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another run holds the lock on the same output folder.
    case locked(folder: String, lockFile: String)
    /// A relative file path escapes the folder or uses a name that is not safe.
    case unsafePath(String, reason: String)
    /// Two files of one night would have the same path in the folder; neither is written over the other.
    case duplicateName(String)
    /// A file-system operation failed; `path` is where, `message` the system's reason.
    case io(operation: String, path: String, message: String)

    /// The message for the analyst.
    public var description: String {
        switch self {
        case .locked(let folder, let lockFile):
            return
                "\(folder): another run is writing to this output folder (lock \(lockFile) is held); "
                + "wait for it to finish or choose another folder"
        case .unsafePath(let path, let reason):
            return "\(path): not a safe output path: \(reason)"
        case .duplicateName(let path):
            return "\(path): two outputs of the night would have this name; nothing was written"
        case .io(let operation, let path, let message):
            return "\(path): could not \(operation): \(message)"
        }
    }
}

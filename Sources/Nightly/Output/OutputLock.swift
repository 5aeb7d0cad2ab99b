import Foundation
import Reporting

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive, non-blocking `flock` on a lock file, held until ``release()``.
///
/// `flock` locks belong to the open file description, so a second lock attempt fails even from the
/// same process, and the kernel releases the lock when a killed run's descriptor is closed.
struct OutputLock: Sendable {
    private let descriptor: Int32

    /// Opens (creating) `path` and locks it, or throws ``OutputFolderError/locked(folder:lockFile:)``.
    init(path: String, folder: String) throws(OutputFolderError) {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw OutputFolderError.io(
                operation: "open the lock file", path: path, message: String(cString: strerror(errno)))
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            close(descriptor)
            if code == EWOULDBLOCK { throw OutputFolderError.locked(folder: folder, lockFile: path) }
            throw OutputFolderError.io(operation: "lock", path: path, message: String(cString: strerror(code)))
        }
        self.descriptor = descriptor
    }

    /// Releases the lock; the lock file stays, so that no two runs ever lock different files.
    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

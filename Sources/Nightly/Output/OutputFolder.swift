import Foundation
import Reporting

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An output folder (`reports/`, `Notebooks-export/`) replaced as a whole at the end of a run.
///
/// ``replace(with:)`` takes an exclusive `flock` on `<target>.lock` (a sibling file that is left in
/// place), writes every file into the sibling folder `.<name>.tmp-<pid>`, and only when the writing
/// closure returns renames the old folder to `.<name>.old-<pid>`, renames the new one to the target
/// and deletes the old one. A run that throws, crashes or is killed before the swap leaves the previous
/// outputs untouched; its leftover temporary folder is deleted by the next run. Between the two renames
/// the target is briefly absent; if the second rename fails the old folder is renamed back, and a run
/// killed between them leaves the old folder aside, which the next run renames back before anything else.
/// Every file and folder is flushed to disk (`fsync`) before the swap and the parent folder after it, so
/// a power loss after the run leaves the new outputs whole, not files of zero length.
public struct OutputFolder: Sendable {
    /// The folder being replaced, as given.
    public let path: String

    /// Creates the handle for the folder at `path`; its parent folder must exist when writing.
    public init(path: String) {
        self.path = path
    }

    var standardized: String { (path as NSString).standardizingPath }
    var parent: String { (standardized as NSString).deletingLastPathComponent }
    var name: String { (standardized as NSString).lastPathComponent }

    /// The temporary sibling a run with process id `pid` writes into: `.<name>.tmp-<pid>`.
    func stagingPath(pid: Int32) -> String {
        (parent as NSString).appendingPathComponent(".\(name).tmp-\(pid)")
    }

    /// Where a run with process id `pid` sets the old folder aside while swapping: `.<name>.old-<pid>`.
    func asidePath(pid: Int32) -> String {
        (parent as NSString).appendingPathComponent(".\(name).old-\(pid)")
    }

    /// Throws when the folder has no name of its own (`/`, `.`, `..`): there is no sibling to stage it in.
    func checkName() throws(OutputFolderError) {
        guard !name.isEmpty, name != "/", name != ".", name != ".." else {
            throw OutputFolderError.unsafePath(path, reason: "the output folder needs a name")
        }
    }

    /// Creates the empty temporary folder ``stagingPath(pid:)``.
    func makeStaging(pid: Int32) throws(OutputFolderError) -> String {
        let staging = stagingPath(pid: pid)
        guard mkdir(staging, 0o755) == 0 else {
            throw OutputFolderError.io(
                operation: "create the temporary folder", path: staging, message: String(cString: strerror(errno)))
        }
        return staging
    }

    /// The lock file's path: `<target>.lock`.
    public var lockPath: String { standardized + ".lock" }

    /// Writes a new version of the folder with `write` and swaps it in when `write` returns.
    ///
    /// Throws ``OutputFolderError/locked(folder:lockFile:)`` at once when another run holds the lock,
    /// rethrows whatever `write` throws (after deleting the partial folder), and throws
    /// ``OutputFolderError/io(operation:path:message:)`` when the swap fails.
    public func replace<Result>(with write: (OutputStaging) throws -> Result) throws -> Result {
        try checkName()
        let lock = try OutputLock(path: lockPath, folder: path)
        defer { lock.release() }

        let manager = FileManager.default
        let pid = getpid()
        removeLeftovers(manager)
        let staging = try makeStaging(pid: pid)
        let result: Result
        do {
            result = try write(OutputStaging(root: staging, folder: path))
        } catch {
            try? manager.removeItem(atPath: staging)
            throw error
        }
        syncFolders(under: staging, manager: manager)
        try swapIn(staging, manager: manager, pid: pid)
        syncFolder(parent.isEmpty ? "." : parent)
        return result
    }

    private func swapIn(_ staging: String, manager: FileManager, pid: Int32) throws {
        let target = standardized
        var old: String?
        if manager.fileExists(atPath: target) {
            let aside = asidePath(pid: pid)
            try rename(target, aside, staging: staging)
            old = aside
        }
        do {
            try rename(staging, target, staging: staging)
        } catch {
            if let old { _ = systemRename(old, target) }
            throw error
        }
        if let old { try? manager.removeItem(atPath: old) }
    }

    /// Flushes `root` and every folder below it, so that the names of the files written are on disk.
    func syncFolders(under root: String, manager: FileManager) {
        var folders = [root]
        if let enumerator = manager.enumerator(atPath: root) {
            while let relative = enumerator.nextObject() as? String {
                if enumerator.fileAttributes?[.type] as? FileAttributeType == .typeDirectory {
                    folders.append((root as NSString).appendingPathComponent(relative))
                }
            }
        }
        // Deepest first: a folder's entry in its parent is flushed after the folder itself.
        for folder in folders.reversed() { syncFolder(folder) }
    }

    private func rename(_ from: String, _ to: String, staging: String) throws {
        guard systemRename(from, to) == 0 else {
            let message = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: staging)
            throw OutputFolderError.io(operation: "rename it to \(to)", path: from, message: message)
        }
    }

    /// Deletes `.<name>.tmp-*` and `.<name>.old-*` folders left by runs that were killed; safe because
    /// this run holds the lock. When the target is missing and an old folder is aside (a run killed
    /// between its two renames), that folder holds the last complete outputs and is renamed back first.
    func removeLeftovers(_ manager: FileManager) {
        // The paths are worked out once: standardizing one resolves symbolic links, and the parent may be a
        // folder of thousands of entries (/tmp).
        let (target, parent, name) = (standardized, self.parent, self.name)
        let (temporary, aside) = (".\(name).tmp-", ".\(name).old-")
        var entries = ((try? manager.contentsOfDirectory(atPath: parent.isEmpty ? "." : parent)) ?? []).sorted()
        if !manager.fileExists(atPath: target),
            let old = entries.last(where: { $0.hasPrefix(aside) }),
            systemRename((parent as NSString).appendingPathComponent(old), target) == 0
        {
            entries.removeAll { $0 == old }
        }
        for entry in entries where entry.hasPrefix(temporary) || entry.hasPrefix(aside) {
            try? manager.removeItem(atPath: (parent as NSString).appendingPathComponent(entry))
        }
    }

}

/// The temporary folder a run writes into; paths are relative to the output folder.
public struct OutputStaging: Sendable {
    /// The temporary folder's path.
    public let root: String
    /// The output folder it will replace, as given: errors name the file there, where the analyst looks.
    public let folder: String

    /// Writes `text` as UTF-8 to `relativePath` (for example `charts/spring-calls.svg`), creating
    /// intermediate folders.
    public func write(_ text: String, to relativePath: String) throws {
        try write(Data(text.utf8), to: relativePath)
    }

    /// Writes `bytes` to `relativePath`, creating intermediate folders.
    ///
    /// A failed write (disk full, file size limit, permissions) throws
    /// ``OutputFolderError/io(operation:path:message:)`` naming the file under the output folder and giving
    /// the system's reason (`No space left on device`).
    ///
    /// Throws ``OutputFolderError/unsafePath(_:reason:)`` for a path that is absolute, empty, has an
    /// empty, `.` or `..` component, a component starting with `.`, longer than 255 bytes, or with
    /// characters other than ASCII letters, digits, `-`, `_` and `.`.
    public func write(_ bytes: Data, to relativePath: String) throws {
        try Self.validate(relativePath)
        let shown = (folder as NSString).appendingPathComponent(relativePath)
        var directory = root
        for component in relativePath.split(separator: "/").dropLast() {
            directory = (directory as NSString).appendingPathComponent(String(component))
            guard mkdir(directory, 0o755) == 0 || errno == EEXIST else {
                throw OutputFolderError.io(
                    operation: "create the folder", path: (shown as NSString).deletingLastPathComponent,
                    message: String(cString: strerror(errno)))
            }
        }
        let full = (root as NSString).appendingPathComponent(relativePath)
        let descriptor = open(full, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw OutputFolderError.io(operation: "create", path: shown, message: String(cString: strerror(errno)))
        }
        var failure = bytes.withUnsafeBytes { writeAll($0, to: descriptor) }
        if failure == 0, fsync(descriptor) != 0, errno != EINVAL { failure = errno }
        // Some file systems report a full disk only when the file is closed.
        if close(descriptor) != 0, failure == 0 { failure = errno }
        guard failure == 0 else {
            throw OutputFolderError.io(operation: "write", path: shown, message: String(cString: strerror(failure)))
        }
    }

    /// Throws when `relativePath` is not a safe relative file path (see ``write(_:to:)-(Data,_)``).
    public static func validate(_ relativePath: String) throws {
        func refuse(_ reason: String) -> OutputFolderError { .unsafePath(relativePath, reason: reason) }
        guard !relativePath.isEmpty else { throw refuse("the path is empty") }
        guard !relativePath.hasPrefix("/") else { throw refuse("absolute paths are not allowed") }
        for component in relativePath.split(separator: "/", omittingEmptySubsequences: false) {
            guard !component.isEmpty else { throw refuse("empty path component") }
            guard component != "..", component != "." else { throw refuse("`\(component)` is not allowed") }
            guard !component.hasPrefix(".") else { throw refuse("names may not start with `.`") }
            guard component.utf8.count <= 255 else { throw refuse("name longer than 255 bytes") }
            let allowed = component.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
            }
            guard allowed else { throw refuse("only letters, digits, `-`, `_` and `.` are allowed in names") }
        }
    }
}

/// Flushes a folder's entries to disk; a file system that cannot (`EINVAL`) or a folder that cannot be
/// opened is left as it is: the outputs are complete either way, only their durability is at stake.
func syncFolder(_ path: String) {
    let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { return }
    _ = fsync(descriptor)
    _ = close(descriptor)
}

/// `rename(2)`, named apart from the `rename` method above.
func systemRename(_ from: String, _ to: String) -> Int32 {
    rename(from, to)
}

/// Writes every byte of `buffer` to `descriptor`, retrying short and interrupted writes; returns 0 or the
/// `errno` of the write that failed (`ENOSPC` when the disk is full, `EFBIG` past the file size limit).
func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32 {
    guard let base = buffer.baseAddress else { return 0 }
    var offset = 0
    while offset < buffer.count {
        let written = write(descriptor, base + offset, buffer.count - offset)
        if written < 0 {
            if errno == EINTR { continue }
            return errno
        }
        offset += written
    }
    return 0
}

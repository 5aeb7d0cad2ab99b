import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// One input of ingest, opened once: a file opened by descriptor with what `fstat` said of it at that moment, or
/// bytes held in memory (for the fuzzer and tests: no file, no `stat`, no `fsync`).
///
/// Every read of a feed file goes through its one opened input: the head, the cuts, the parts, the gzip and
/// converted text, the rejects' records read again and the digest. A file renamed over the path during the read
/// therefore changes nothing read (the descriptor still names the file that was opened), and a file written to or
/// cut short in place is caught by ``finish(digest:)``, which compares `fstat` again with the snapshot taken at
/// open. Reads are positioned (`pread`), so parts read on several threads share the input.
final class OpenedInput: CSVByteSource, Sendable {
    /// The path as given, or the name of bytes in memory: what messages name.
    let path: String
    /// Where the bytes are.
    private let storage: Storage
    /// The size in bytes: the file's at open, or the buffer's.
    let byteCount: Int
    /// The SHA-256 of the file's bytes from its start, fed by every read that reaches the first byte not yet
    /// hashed, so that a read from start to end hashes the file in the same pass as it parses it; nil when no
    /// digest is wanted (``open(path:digesting:)``), for bytes in memory, or after libcrypto failed.
    private let running: Mutex<RunningDigest>
    /// Bytes read from the file by `pread`, every read counted: what tells a second pass from none.
    private let bytesFromDisk = Atomic<Int>(0)

    /// The digest of the bytes `0..<through`, while it lasts. Not `Sendable` (its hasher is a libcrypto context):
    /// `Mutex` hands it to one thread at a time.
    private struct RunningDigest: ~Copyable {
        var hasher: SHA256Hasher?
        var through = 0
    }

    private enum Storage: Sendable {
        case file(descriptor: Int32, snapshot: FileSnapshot)
        case memory([UInt8])
    }

    /// The file at `path`, opened for reading. A missing file, a directory, a FIFO, a socket or a device is
    /// refused without blocking: the type is looked at before the file is opened, the file is opened with
    /// `O_NONBLOCK` (in case something else was put there in between) and looked at again by `fstat`, and only a
    /// regular file is kept, its descriptor made blocking again.
    ///
    /// With `digesting`, the bytes read are hashed as they are read, in file order (``finish(digest:)`` then reads
    /// only what no read reached in order: nothing after a read from start to end).
    static func open(path: String, digesting: Bool = false) throws(CSVFileError) -> OpenedInput {
        var status = stat()
        if stat(path, &status) != 0 {
            let reason = errno
            // A symbolic-link loop or a dangling link is not "no such file": the system's reason says which it is.
            var link = stat()
            if reason == ENOENT && lstat(path, &link) != 0 {
                throw CSVFileError.io(file: path, problem: .noSuchFile)
            }
            throw CSVFileError.io(file: path, problem: .cannotOpen(system: String(cString: strerror(reason))))
        }
        try refuseUnlessRegular(FileSnapshot(status).kind, path: path)
        let descriptor = openForReading(path)
        guard descriptor >= 0 else {
            throw CSVFileError.io(file: path, problem: .cannotOpen(system: String(cString: strerror(errno))))
        }
        guard fstat(descriptor, &status) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw CSVFileError.io(file: path, problem: .cannotOpen(system: reason))
        }
        let snapshot = FileSnapshot(status)
        do {
            try refuseUnlessRegular(snapshot.kind, path: path)
        } catch {
            close(descriptor)
            throw error
        }
        let flags = fcntl(descriptor, F_GETFL)
        if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
        return OpenedInput(
            path: path, storage: .file(descriptor: descriptor, snapshot: snapshot),
            digesting: digesting)
    }

    /// `bytes` as an input named `name`.
    convenience init(bytes: [UInt8], name: String) {
        self.init(path: name, storage: .memory(bytes), digesting: false)
    }

    private init(path: String, storage: Storage, digesting: Bool) {
        self.path = path
        self.storage = storage
        // The hasher is made here, so that nothing but the mutex ever holds it.
        self.running = Mutex(RunningDigest(hasher: digesting ? SHA256Hasher() : nil))
        switch storage {
        case .file(_, let snapshot): byteCount = snapshot.size
        case .memory(let bytes): byteCount = bytes.count
        }
    }

    deinit {
        if case .file(let descriptor, _) = storage { close(descriptor) }
    }

    private static func refuseUnlessRegular(_ kind: FileSnapshot.Kind, path: String) throws(CSVFileError) {
        switch kind {
        case .regular: return
        case .directory: throw CSVFileError.io(file: path, problem: .isDirectory)
        default: throw CSVFileError.io(file: path, problem: .notARegularFile(kind))
        }
    }

    /// What `fstat` said at open, or nil for bytes in memory.
    var snapshot: FileSnapshot? {
        if case .file(_, let snapshot) = storage { return snapshot }
        return nil
    }

    /// Reads up to `buffer.count` bytes at `offset`; returns how many were read (0 at the end).
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws -> Int {
        guard let base = buffer.baseAddress, offset >= 0 else { return 0 }
        switch storage {
        case .memory(let bytes):
            guard offset < bytes.count else { return 0 }
            let count = min(buffer.count, bytes.count - offset)
            bytes.withUnsafeBytes { source in
                buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<(offset + count)]))
            }
            return count
        case .file(let descriptor, _):
            var total = 0
            while total < buffer.count {
                let count = pread(descriptor, base + total, buffer.count - total, off_t(offset + total))
                if count < 0 {
                    if errno == EINTR { continue }
                    throw CSVFileError.io(
                        file: path,
                        problem: .readFailed(offset: offset + total, system: String(cString: strerror(errno))))
                }
                if count == 0 { break }
                total += count
            }
            bytesFromDisk.add(total, ordering: .relaxed)
            hashInOrder(UnsafeRawBufferPointer(rebasing: buffer[..<total]), at: offset)
            return total
        }
    }

    /// The bytes read from the file so far, every read counted (0 for bytes in memory).
    var bytesReadFromDisk: Int { bytesFromDisk.load(ordering: .relaxed) }

    /// Feeds the running digest the part of `bytes` (read at `offset`) past the bytes it has hashed, when `bytes`
    /// reach them; reads elsewhere (a later part read on another thread) leave it for ``finish(digest:)``.
    private func hashInOrder(_ bytes: UnsafeRawBufferPointer, at offset: Int) {
        // The bytes' address enters the lock as a number: a raw pointer is never `Sendable`, and handing the caller's
        // to the hasher would tie the mutex's state to the caller for the compiler (even a `nonisolated(unsafe)` copy
        // does, once captured). The hasher only reads the bytes during the call, which the caller's buffer outlives,
        // and keeps nothing of them.
        let address = Int(bitPattern: bytes.baseAddress)
        let count = bytes.count
        running.withLock { state in
            guard let hasher = state.hasher, offset <= state.through, offset + count > state.through else { return }
            let skip = state.through - offset
            let unhashed = UnsafeRawBufferPointer(
                start: UnsafeRawPointer(bitPattern: address + skip), count: count - skip)
            if hasher.update(unhashed) {
                state.through = offset + count
            } else {
                state.hasher = nil
            }
        }
    }

    /// The input's own bytes are its text: offsets are the same.
    func diskOffset(afterReadingTo offset: Int) -> Int { offset }

    /// Ends a read of the whole input: returns the SHA-256 of its bytes when `digest` is true (a sequential pass
    /// over the same descriptor, or over the buffer), then checks with `fstat` that the file still has the size
    /// and modification time it had at open, so that what was parsed and what was hashed are the bytes opened.
    /// A file cut short or written to in place while it was read throws ``CSVProblem/changedWhileRead(sizeAtOpen:sizeAfter:)``.
    func finish(digest: Bool) throws(CSVFileError) -> String? {
        var hex: String?
        if digest {
            guard let hasher = SHA256Hasher() else {
                throw CSVFileError.io(file: path, problem: .digestFailed)
            }
            switch storage {
            case .memory(let bytes):
                guard bytes.withUnsafeBytes({ hasher.update($0) }) else {
                    throw CSVFileError.io(file: path, problem: .digestFailed)
                }
            case .file:
                let block = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
                defer { block.deallocate() }
                if let digest = try finishRunningDigest(block) {
                    try checkUnchanged()
                    return digest
                }
                var offset = 0
                while true {
                    let count: Int
                    do {
                        count = try read(into: block, at: offset)
                    } catch let error as CSVFileError {
                        throw error
                    } catch {
                        throw CSVFileError.io(file: path, problem: .digestFailed)
                    }
                    if count == 0 { break }
                    guard hasher.update(UnsafeRawBufferPointer(rebasing: block[..<count])) else {
                        throw CSVFileError.io(file: path, problem: .digestFailed)
                    }
                    offset += count
                }
            }
            guard let digest = hasher.finalize() else { throw CSVFileError.io(file: path, problem: .digestFailed) }
            hex = SHA256Hasher.hex(digest)
        }
        try checkUnchanged()
        return hex
    }

    /// The running digest completed: the bytes no read reached in order are read now (through `block`), each read
    /// feeding it as any read does; nil when there is no running digest (or libcrypto failed on the way), for a
    /// whole pass instead.
    private func finishRunningDigest(_ block: UnsafeMutableRawBufferPointer) throws(CSVFileError) -> String? {
        while true {
            let (active, through) = running.withLock { ($0.hasher != nil, $0.through) }
            guard active else { return nil }
            let count: Int
            do {
                count = try read(into: block, at: through)
            } catch let error as CSVFileError {
                throw error
            } catch {
                throw CSVFileError.io(file: path, problem: .digestFailed)
            }
            if count == 0 { break }
        }
        let digest = running.withLock { state -> [UInt8]? in
            defer { state.hasher = nil }
            return state.hasher?.finalize()
        }
        return digest.map(SHA256Hasher.hex)
    }

    /// Throws when the file's size or modification time is no longer what it was at open (nothing to check for
    /// bytes in memory).
    func checkUnchanged() throws(CSVFileError) {
        guard case .file(let descriptor, let snapshot) = storage else { return }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw CSVFileError.io(
                file: path, problem: .readFailed(offset: 0, system: String(cString: strerror(errno))))
        }
        let now = FileSnapshot(status)
        if now.size != snapshot.size || now.modified != snapshot.modified {
            throw CSVFileError.io(
                file: path, problem: .changedWhileRead(sizeAtOpen: snapshot.size, sizeAfter: now.size))
        }
    }
}

/// What `fstat` said of an opened file: its size, modification time, identity and type.
public struct FileSnapshot: Sendable, Equatable {
    /// The size in bytes.
    public var size: Int
    /// The modification time, in seconds and nanoseconds since 1970 (the nanoseconds catch two writes in a second).
    public var modified: Modified
    /// The device the file is on: with `inode`, which file was opened, whatever its path names now.
    public var device: UInt64
    /// The file's inode number on `device`.
    public var inode: UInt64
    /// The type of file.
    public var kind: Kind

    /// A modification time as `fstat` gives it.
    public struct Modified: Sendable, Equatable {
        /// Whole seconds since 1970-01-01T00:00:00Z.
        public var seconds: Int
        /// Nanoseconds past `seconds`.
        public var nanoseconds: Int
    }

    /// The types of file a feed folder can hold; only a regular file is read.
    public enum Kind: String, Sendable, Equatable, Hashable, CaseIterable {
        /// A regular file: the only kind read.
        case regular
        /// A directory.
        case directory
        /// A named pipe: reading it waits for a writer, for ever if none comes.
        case fifo
        /// A Unix-domain socket (which `open` refuses).
        case socket
        /// A character device (`/dev/null`, a terminal): endless, or waiting for input.
        case characterDevice = "character_device"
        /// A block device (a disk).
        case blockDevice = "block_device"
        /// A symbolic link, as `lstat` sees one (`fstat` follows links, so an opened file is never one).
        case symbolicLink = "symbolic_link"
        /// Any other type the system reports.
        case other
    }

    init(_ status: stat) {
        size = Int(status.st_size)
        modified = Modified(seconds: Int(status.st_mtim.tv_sec), nanoseconds: Int(status.st_mtim.tv_nsec))
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
        switch status.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .directory
        case S_IFIFO: kind = .fifo
        case S_IFSOCK: kind = .socket
        case S_IFCHR: kind = .characterDevice
        case S_IFBLK: kind = .blockDevice
        case S_IFLNK: kind = .symbolicLink
        default: kind = .other
        }
    }
}

/// `open(2)` of `path` for reading, without waiting (a FIFO opens at once) and closed on `exec`: at file scope,
/// where `open` is the system's and not ``OpenedInput/open(path:)``.
private func openForReading(_ path: String) -> Int32 {
    open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
}

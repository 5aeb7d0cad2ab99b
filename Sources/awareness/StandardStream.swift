import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Standard output or standard error, written with write(2) so that a full disk, a closed descriptor or a reader
/// that went away is an error the command can report, never a trap: `FileHandle.write` ends the process on a
/// failed write, and `print` buffers in stdio where a failure is seen, if at all, only after `exit`.
///
/// The first failure is kept (its errno) and nothing more is written to that stream; `Awareness.main` turns it
/// into exit status 3 when the command ends (DESIGN §2). SIGPIPE is ignored, so a closed pipe is `EPIPE` here.
final class StandardStream: Sendable {
    /// Standard output: what the command answers.
    static let output = StandardStream(descriptor: STDOUT_FILENO, name: "standard output")
    /// Standard error: diagnostics and progress.
    static let error = StandardStream(descriptor: STDERR_FILENO, name: "standard error")

    /// The descriptor written to.
    let descriptor: Int32
    /// How diagnostics name the stream.
    let name: String
    /// The errno of the first failed write; held for the whole of a write, so that two threads' texts never
    /// interleave and nothing is written after a failure.
    private let failedErrno = Mutex<Int32?>(nil)

    private init(descriptor: Int32, name: String) {
        self.descriptor = descriptor
        self.name = name
    }

    /// The errno of the first write that failed, or nil while every write has gone through.
    var failure: Int32? {
        failedErrno.withLock { $0 }
    }

    /// The first failure in words: `No space left on device (errno 28)`; nil while every write has gone through.
    var failureText: String? {
        failure.map { String(cString: strerror($0)) + " (errno \($0))" }
    }

    /// Writes `text` whole, as UTF-8.
    func write(_ text: String) {
        write(bytes: Array(text.utf8))
    }

    /// Writes `bytes` whole, retrying interrupted and partial writes; after a failure, writes nothing.
    func write(bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        let descriptor = descriptor
        failedErrno.withLock { failedErrno in
            guard failedErrno == nil else { return }
            failedErrno = bytes.withUnsafeBytes { buffer in
                guard let base = buffer.baseAddress else { return nil }
                var offset = 0
                while offset < buffer.count {
                    let written = systemWrite(descriptor, base + offset, buffer.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        return errno
                    }
                    if written == 0 { return EIO }
                    offset += written
                }
                return nil
            }
        }
    }

    /// Prepares the process's standard streams before anything is written or opened: SIGPIPE is ignored (a reader
    /// that went away is `EPIPE`, reported, not a silent death), and a standard descriptor found closed
    /// (`2>&-`) is held by `/dev/null` opened read-only and marked failed (`EBADF`). Without that, the first file
    /// the command opens would take the free number, and diagnostics or answers would be written into a feed or a
    /// report.
    static func prepare() {
        signal(SIGPIPE, SIG_IGN)
        for stream in [output, error] where fcntl(stream.descriptor, F_GETFD) == -1 && errno == EBADF {
            let placeholder = open("/dev/null", O_RDONLY)
            if placeholder >= 0 && placeholder != stream.descriptor {
                dup2(placeholder, stream.descriptor)
                close(placeholder)
            }
            stream.markFailed(EBADF)
        }
    }

    private func markFailed(_ code: Int32) {
        failedErrno.withLock { failedErrno in
            if failedErrno == nil { failedErrno = code }
        }
    }

    /// Flushes stdio's buffers (text a library may have printed with `print`), recording a failure against
    /// standard output, the one stream `print` writes to.
    static func flushStandardOutput() {
        errno = 0
        if fflush(nil) != 0 {
            output.markFailed(errno == 0 ? EIO : errno)
        }
    }
}

/// write(2), named apart from ``StandardStream/write(_:)``.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        Glibc.write(descriptor, bytes, count)
    #else
        Darwin.write(descriptor, bytes, count)
    #endif
}

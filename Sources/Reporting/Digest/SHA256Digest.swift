import Foundation
import Ingest

/// SHA-256 digests as lowercase hexadecimal, for the run manifest and content-derived identifiers.
///
/// Computed by libcrypto's EVP digest API (`EVP_DigestInit_ex` with `EVP_sha256()`, then `EVP_DigestUpdate`
/// and `EVP_DigestFinal_ex`). With the default provider, these calls fail only when libcrypto cannot allocate
/// memory.
public enum SHA256Digest {
    /// The digest of `bytes`: `ba7816bf…` for the bytes of `abc`.
    ///
    /// Stops the program if libcrypto cannot allocate its digest context (out of memory): no input can cause it.
    public static func hex(of bytes: some DataProtocol) -> String {
        guard let hasher = Hasher() else { preconditionFailure("libcrypto could not start a SHA-256 digest") }
        for region in bytes.regions {
            let updated = region.withUnsafeBytes { hasher.update($0) }
            precondition(updated, "libcrypto could not update a SHA-256 digest")
        }
        guard let digest = hasher.finalize() else { preconditionFailure("libcrypto could not end a SHA-256 digest") }
        return hex(digest)
    }

    /// The digest of the UTF-8 bytes of `text`.
    public static func hex(of text: String) -> String {
        hex(of: Array(text.utf8))
    }

    /// The digest of the file at `path`, read in 1 MiB blocks so large inputs are not loaded whole.
    ///
    /// Throws ``FileDigestError`` with the system's reason (`Permission denied`, `No such file or
    /// directory`) when the file cannot be opened or read.
    public static func hex(ofFileAt path: String) throws(FileDigestError) -> String {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileDigestError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        guard let hasher = Hasher() else { throw FileDigestError(path: path, reason: Hasher.failure) }
        var block = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = block.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileDigestError(path: path, reason: String(cString: strerror(errno)))
            }
            let updated = block.withUnsafeBytes { hasher.update(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
            guard updated else { throw FileDigestError(path: path, reason: Hasher.failure) }
        }
        guard let digest = hasher.finalize() else { throw FileDigestError(path: path, reason: Hasher.failure) }
        return hex(digest)
    }

    private static func hex(_ digest: [UInt8]) -> String {
        SHA256Hasher.hex(digest)
    }

    /// Ingest's hasher: the manifest's digests and those of the inputs are computed one way.
    private typealias Hasher = SHA256Hasher
}

/// A file whose digest could not be computed: its path and the system's reason.
public struct FileDigestError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file, as given.
    public let path: String
    /// The system's reason (`Permission denied`).
    public let reason: String

    /// The error for `path` with the system's `reason`.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// `<path>: could not be read: <reason>`.
    public var description: String { "\(path): could not be read: \(reason)" }
}

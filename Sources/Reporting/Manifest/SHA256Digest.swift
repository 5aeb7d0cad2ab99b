import Crypto
import Foundation

/// SHA-256 digests as lowercase hexadecimal, for the run manifest and content-derived identifiers.
public enum SHA256Digest {
    /// The digest of `bytes`: `ba7816bf…` for the bytes of `abc`.
    public static func hex(of bytes: some DataProtocol) -> String {
        hex(SHA256.hash(data: bytes))
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
        var hasher = SHA256()
        var block = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = block.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileDigestError(path: path, reason: String(cString: strerror(errno)))
            }
            hasher.update(data: block[..<count])
        }
        return hex(hasher.finalize())
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
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

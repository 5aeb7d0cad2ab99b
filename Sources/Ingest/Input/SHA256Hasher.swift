import CLibCrypto

/// One SHA-256 computation by libcrypto's EVP digest API (`EVP_DigestInit_ex` with `EVP_sha256()`, then
/// `EVP_DigestUpdate` and `EVP_DigestFinal_ex`): ingest hashes each input from the bytes it parsed, and Reporting
/// hashes the rest of what the manifest names. With the default provider these calls fail only when libcrypto
/// cannot allocate memory.
public final class SHA256Hasher {
    /// The reason given when libcrypto fails (it does only when it cannot allocate memory).
    public static let failure = "libcrypto could not compute its SHA-256 (out of memory)"

    private let context: OpaquePointer

    /// A digest context set up for SHA-256, or nil when libcrypto cannot allocate one.
    public init?() {
        guard let context = EVP_MD_CTX_new() else { return nil }
        guard EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else {
            EVP_MD_CTX_free(context)
            return nil
        }
        self.context = context
    }

    deinit { EVP_MD_CTX_free(context) }

    /// Adds `bytes` to the digest; false when libcrypto fails.
    public func update(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return true }
        return EVP_DigestUpdate(context, base, bytes.count) == 1
    }

    /// The 32 bytes of the digest, or nil when libcrypto fails; the hasher is spent afterwards.
    public func finalize() -> [UInt8]? {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let ended = digest.withUnsafeMutableBufferPointer { EVP_DigestFinal_ex(context, $0.baseAddress, &length) }
        guard ended == 1, length == 32 else { return nil }
        return Array(digest[..<32])
    }

    /// `digest` as lowercase hexadecimal, two digits a byte.
    public static func hex(_ digest: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(2 * digest.count)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}

import Foundation

/// Turns the byte values of dimension fields into small integer ids, storing each distinct value once.
///
/// An open-addressing table keyed by the bytes themselves, so that looking up a value seen before
/// allocates nothing; the `String` is made only the first time a value is met. The dimension fields of a row
/// are interned together, as one value: their bytes joined by NUL, so that a row costs one hash and one
/// comparison whatever its number of dimensions. NUL cannot occur inside a field (the reader refuses files
/// that hold one), so the join is unambiguous. Row keys are interned as read (`internRow`): the spaces and tabs
/// around values are dropped, and the first value checked, once per distinct key read rather than per row.
final class KeyInterner {
    /// The byte that separates the components of a key.
    static let separator: UInt8 = 0
    private var key = GrowableBuffer<UInt8>(capacity: 256)
    private var slots: [Int32]
    private var hashes: [UInt64] = []
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    /// For each id, the id of the same key with its values trimmed (itself when they are), or -1 when its first
    /// value is empty once trimmed.
    private var canonical: [Int32] = []
    /// The distinct values, indexed by id.
    private(set) var values: [String] = []

    init() {
        slots = [Int32](repeating: -1, count: 64)
    }

    deinit { key.deallocate() }

    /// Starts the key of a row.
    func startKey() { key.removeAll() }

    /// Adds the next component of the key of a row (after a separator unless it is the first).
    func appendComponent(_ value: UnsafeBufferPointer<UInt8>, isFirst: Bool) {
        if !isFirst { key.append(Self.separator) }
        if let base = value.baseAddress, !value.isEmpty { key.append(base, count: value.count) }
    }

    /// `internRow` of the key built since `startKey`.
    func internRowKey() -> Int32? { internRow(key.contents) }

    /// The id of a row's key given as read (dimension fields joined by NUL): the id of the key with spaces and tabs
    /// around each value dropped, or nil when its first value is then empty.
    @inline(__always)
    func internRow(_ raw: UnsafeBufferPointer<UInt8>) -> Int32? {
        let target = canonical[Int(intern(raw))]
        return target < 0 ? nil : target
    }

    /// The id of `raw` with its components trimmed, interning that form when it differs.
    private func canonicalID(of raw: UnsafeBufferPointer<UInt8>, id: Int32) -> Int32 {
        let parts = raw.split(separator: Self.separator, omittingEmptySubsequences: false)
        let trimmed = parts.map { part in
            FieldValue.trimmed(UnsafeBufferPointer(rebasing: part))
        }
        if trimmed.first?.isEmpty ?? true { return -1 }
        if zip(parts, trimmed).allSatisfy({ $0.count == $1.count }) { return id }
        var joined: [UInt8] = []
        for (index, part) in trimmed.enumerated() {
            if index > 0 { joined.append(Self.separator) }
            joined.append(contentsOf: part)
        }
        return joined.withUnsafeBufferPointer { intern($0) }
    }

    /// The components of the key with id `id`, in the order they were appended.
    func components(of id: Int32) -> [String] {
        values[Int(id)].utf8.split(separator: Self.separator, omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
    }

    /// The id of `value`, adding it when new (a key's components joined by NUL; see `internRow` for the id of
    /// its trimmed form).
    func intern(_ value: UnsafeBufferPointer<UInt8>) -> Int32 {
        let hash = Self.hash(value)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = slots[slot]
            if id < 0 { break }
            if hashes[Int(id)] == hash && matches(Int(id), value) { return id }
            slot = (slot + 1) & mask
        }
        let id = Int32(values.count)
        slots[slot] = id
        hashes.append(hash)
        bytes.append(contentsOf: value)
        ends.append(bytes.count)
        values.append(String(decoding: value, as: UTF8.self))
        canonical.append(id)
        if values.count * 2 > slots.count { grow() }
        // Whatever interns a value (a row, or the merge of a part's values into a file's), its trimmed form is known
        // from then on (found by Fuzz/run csv: a part's untrimmed value merged as its own trimmed form).
        canonical[Int(id)] = canonicalID(of: value, id: id)
        return id
    }

    /// A fast multiplicative hash over 8-byte words (keys are short; this runs several times per row).
    static func hash(_ value: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(value.count)
        guard let base = value.baseAddress else { return hash }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= value.count {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            hash = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 32
            offset += 8
        }
        // The last 0–7 bytes in at most three loads (4, 2 and 1 bytes) rather than one per byte.
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        if offset + 4 <= value.count {
            tail = UInt64(raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
            shift = 32
            offset += 4
        }
        if offset + 2 <= value.count {
            tail |= UInt64(raw.loadUnaligned(fromByteOffset: offset, as: UInt16.self)) << shift
            shift += 16
            offset += 2
        }
        if offset < value.count {
            tail |= UInt64(value[offset]) << shift
        }
        hash = (hash ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return hash ^ (hash >> 29)
    }

    private func matches(_ id: Int, _ value: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = id == 0 ? 0 : ends[id - 1]
        guard ends[id] - start == value.count else { return false }
        guard let base = value.baseAddress, !value.isEmpty else { return true }
        return bytes.withUnsafeBufferPointer { stored in
            guard let storedBase = stored.baseAddress else { return false }
            return memcmp(storedBase + start, base, value.count) == 0
        }
    }

    private func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for id in 0..<values.count {
            var slot = Int(truncatingIfNeeded: hashes[id]) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
    }
}

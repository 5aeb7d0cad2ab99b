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
    /// For each id, the id of the same key with its values trimmed (itself when they are), or a negative
    /// `KeyProblem` code when the key cannot be a series name (see `problem(of:)`).
    private var canonical: [Int32] = []
    /// The longest dimension value accepted, in UTF-8 bytes: longer is a runaway quoted field, not a helpline,
    /// campaign, banner, placement, region or hashtag.
    static let maximumValueBytes = 200
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
    func internRowKey() -> Result<Int32, KeyProblemError> { internRow(key.contents) }

    /// Why a row's key cannot be a series name.
    enum KeyProblem: Equatable {
        /// The first value (the feed's key column) is empty once trimmed.
        case firstEmpty
        /// The value at this position is longer than `maximumValueBytes`.
        case tooLong(position: Int)
        /// The value at this position holds a control character (a quoted CR or LF, a tab inside it).
        case controlCharacter(position: Int)

        var code: Int32 {
            switch self {
            case .firstEmpty: return -1
            case .tooLong(let position): return -2 - 2 * Int32(position)
            case .controlCharacter(let position): return -3 - 2 * Int32(position)
            }
        }

        init(code: Int32) {
            if code == -1 {
                self = .firstEmpty
            } else if (-code) % 2 == 0 {
                self = .tooLong(position: Int((-code - 2) / 2))
            } else {
                self = .controlCharacter(position: Int((-code - 3) / 2))
            }
        }
    }

    /// The id of a row's key given as read (dimension fields joined by NUL): the id of the key with spaces and tabs
    /// around each value dropped, or the problem that keeps it from being a series name.
    @inline(__always)
    func internRow(_ raw: UnsafeBufferPointer<UInt8>) -> Result<Int32, KeyProblemError> {
        // A key longer than any acceptable one with its spaces is judged before it is stored: a runaway field of
        // hundreds of megabytes is not copied into the table (twice, as bytes and as a string) for the whole read.
        if raw.count > Self.checkedBeforeInterning,
            let problem = Self.problem(
                ofComponents: raw.split(separator: Self.separator, omittingEmptySubsequences: false).map {
                    UnsafeBufferPointer(rebasing: $0)
                })
        {
            return .failure(KeyProblemError(problem: problem))
        }
        let target = canonical[Int(intern(raw))]
        return target < 0 ? .failure(KeyProblemError(problem: KeyProblem(code: target))) : .success(target)
    }

    /// A `KeyProblem` as an error, for `Result`.
    struct KeyProblemError: Error {
        let problem: KeyProblem
    }

    /// Keys longer than this many bytes are checked for a problem before they are interned.
    static let checkedBeforeInterning = 1024

    /// Why a key of these components, as read, cannot be a series name, or nil when it can: the first is empty once
    /// trimmed, or a component, trimmed, is longer than `maximumValueBytes` or holds a control character (the first
    /// such component).
    static func problem(ofComponents parts: [UnsafeBufferPointer<UInt8>]) -> KeyProblem? {
        let trimmed = parts.map { FieldValue.trimmed($0) }
        if trimmed.first?.isEmpty ?? true { return .firstEmpty }
        for (position, part) in trimmed.enumerated() {
            if part.count > Self.maximumValueBytes { return .tooLong(position: position) }
            if part.contains(where: { $0 < 0x20 || $0 == 0x7F }) { return .controlCharacter(position: position) }
        }
        return nil
    }

    /// The id of `raw` with its components trimmed, interning that form when it differs.
    private func canonicalID(of raw: UnsafeBufferPointer<UInt8>, id: Int32) -> Int32 {
        let parts = raw.split(separator: Self.separator, omittingEmptySubsequences: false)
        let trimmed = parts.map { part in
            FieldValue.trimmed(UnsafeBufferPointer(rebasing: part))
        }
        if let problem = Self.problem(ofComponents: parts.map { UnsafeBufferPointer(rebasing: $0) }) {
            return problem.code
        }
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
    @inline(__always)
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
        return insert(value, hash: hash, at: slot)
    }

    /// Adds `value`, which is not stored, in the free slot `slot`; returns its new id.
    @inline(never)
    private func insert(_ value: UnsafeBufferPointer<UInt8>, hash: UInt64, at slot: Int) -> Int32 {
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

    /// A fast hash over 16-byte steps, each folding two words with one full-width multiply (keys are a row's
    /// dimension values joined: some 40 to 80 bytes, hashed once per row).
    static func hash(_ value: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let count = value.count
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(count)
        guard let base = value.baseAddress, count > 0 else { return mix(seed, 0xE703_7ED1_A0B4_28DB) }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 16 <= count {
            let first = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            let second = raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)
            seed = mix(first ^ 0xA076_1D64_78BD_642F, second ^ seed)
            offset += 16
        }
        // The last 1–15 bytes, in loads that may overlap the bytes before them (the length is already in the seed).
        let left = count - offset
        var first: UInt64 = 0
        var second: UInt64 = 0
        if left >= 8 {
            first = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            second = raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        } else if left >= 4 {
            first = UInt64(raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
            second = UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
        } else if left > 0 {
            first = UInt64(base[offset]) << 16 | UInt64(base[offset + left / 2]) << 8 | UInt64(base[count - 1])
        }
        seed = mix(first ^ 0xE703_7ED1_A0B4_28DB, second ^ seed)
        return mix(seed ^ 0x8EBC_6AF0_9C88_C6E3, UInt64(count) ^ 0x5899_65CC_7537_4CC3)
    }

    /// The high and low halves of the full product of `a` and `b`, folded together.
    @inline(__always)
    private static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
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

/// A growable array in manually managed memory, for the key built on every row, where `Array`'s uniqueness and
/// capacity checks show up in profiles. Freed by its owner with `deallocate()`.
struct GrowableBuffer<Element> {
    private var base: UnsafeMutablePointer<Element>
    private var capacity: Int
    /// The number of elements stored.
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = UnsafeMutablePointer<Element>.allocate(capacity: self.capacity)
    }

    /// The stored elements, valid until the next mutation.
    var contents: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

    mutating func append(_ element: Element) {
        if count == capacity { grow(to: count + 1) }
        (base + count).initialize(to: element)
        count += 1
    }

    mutating func append(_ elements: UnsafePointer<Element>, count added: Int) {
        if count + added > capacity { grow(to: count + added) }
        (base + count).initialize(from: elements, count: added)
        count += added
    }

    /// Forgets the elements (which must be trivial types) and keeps the memory.
    mutating func removeAll() { count = 0 }

    func deallocate() { base.deallocate() }

    private mutating func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        newBase.moveInitialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}

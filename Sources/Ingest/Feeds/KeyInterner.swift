/// Turns the byte values of dimension fields into small integer ids, storing each distinct value once.
///
/// An open-addressing table keyed by the bytes themselves, so that looking up a value seen before
/// allocates nothing; the `String` is made only the first time a value is met.
final class KeyInterner {
    private var slots: [Int32]
    private var hashes: [UInt64] = []
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    /// The distinct values, indexed by id.
    private(set) var values: [String] = []

    init() {
        slots = [Int32](repeating: -1, count: 64)
    }

    /// The id of `value`, adding it when new.
    func intern(_ value: UnsafeBufferPointer<UInt8>) -> Int32 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in value {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
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
        if values.count * 2 > slots.count { grow() }
        return id
    }

    /// The id of the empty value.
    func emptyID() -> Int32 {
        intern(UnsafeBufferPointer(start: nil, count: 0))
    }

    private func matches(_ id: Int, _ value: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = id == 0 ? 0 : ends[id - 1]
        guard ends[id] - start == value.count else { return false }
        var offset = start
        for byte in value {
            if bytes[offset] != byte { return false }
            offset += 1
        }
        return true
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

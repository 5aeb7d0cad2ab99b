/// Remembers the date of the last `YYYY-MM-DDTHH:MM:SSZ` timestamp read, so that the next ones of the same
/// UTC day (event exports are in time order) are read from their time of day alone.
///
/// Only that exact 20-byte form takes the short way; every other form, and any time of day that is not
/// two-digit `HH:MM:SS` within range, goes through `Timestamp.secondsSince1970`, which therefore decides
/// what is accepted: the short way gives the same seconds for the timestamps it takes.
struct TimestampDayCache {
    /// The first eight and the next two bytes of the remembered date (`YYYY-MM-` and `DD`).
    private var head: UInt64 = 0
    private var tail: UInt16 = 0
    /// Seconds since 1970 at 00:00:00Z of the remembered date; nil until a date is remembered.
    private var dayStart: Int64?

    /// Seconds since 1970 of `bytes` when it is a timestamp of the remembered date in the 20-byte form.
    @inline(__always)
    func seconds(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard let dayStart, bytes.count == 20, let base = bytes.baseAddress, base[19] == 0x5A, base[10] == 0x54
        else { return nil }
        let raw = UnsafeRawPointer(base)
        guard raw.loadUnaligned(as: UInt64.self) == head,
            raw.loadUnaligned(fromByteOffset: 8, as: UInt16.self) == tail,
            let time = Self.timeOfDay(base)
        else { return nil }
        return dayStart + time
    }

    /// Remembers the date of `bytes`, a timestamp `Timestamp.secondsSince1970` read as `seconds`, when it has
    /// the 20-byte form.
    mutating func remember(_ bytes: UnsafeBufferPointer<UInt8>, seconds: Int64) {
        guard bytes.count == 20, let base = bytes.baseAddress, base[19] == 0x5A, base[10] == 0x54,
            let time = Self.timeOfDay(base)
        else { return }
        let raw = UnsafeRawPointer(base)
        head = raw.loadUnaligned(as: UInt64.self)
        tail = raw.loadUnaligned(fromByteOffset: 8, as: UInt16.self)
        dayStart = seconds - time
    }

    /// Seconds since midnight of the `HH:MM:SS` at byte 11, or nil when it is not digits and colons in range
    /// (hour below 24, minute below 60, second up to 60, as `Timestamp` allows). The eight bytes are checked
    /// as one word: digits have a high nibble of 3 and stay below 0x40 when 6 is added.
    @inline(__always)
    private static func timeOfDay(_ base: UnsafePointer<UInt8>) -> Int64? {
        let word = UnsafeRawPointer(base + 11).loadUnaligned(as: UInt64.self).littleEndian
        let digitNibbles: UInt64 = 0xF0F0_00F0_F000_F0F0
        let digitsHigh: UInt64 = 0x3030_0030_3000_3030
        guard word & digitNibbles == digitsHigh, (word &+ 0x0606_0006_0600_0606) & digitNibbles == digitsHigh,
            word & 0x0000_FF00_00FF_0000 == 0x0000_3A00_003A_0000
        else { return nil }
        // Each byte less '0' (a colon becomes 10); then each byte times ten plus the next makes the value of every
        // pair in its first byte: no byte passes 110, so nothing carries.
        let digits = word &- 0x3030_3030_3030_3030
        let pairs = digits &* 10 &+ (digits >> 8)
        let hour = Int(pairs & 0xFF)
        let minute = Int((pairs >> 24) & 0xFF)
        let second = Int((pairs >> 48) & 0xFF)
        guard hour < 24, minute < 60, second <= 60 else { return nil }
        return Int64(hour * 3600 + minute * 60 + second)
    }
}

/// Parsing of single field values from bytes, with the reason a value is refused (``CountProblem``).
///
/// Spaces and tabs around a value are ignored; inside a count they are refused, since `1 200` may be a
/// thousands separator or two numbers run together, and the pipeline never guesses.
enum FieldValue {
    /// `bytes` without leading and trailing spaces and tabs.
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        guard let base = bytes.baseAddress else { return bytes }
        return UnsafeBufferPointer(start: base + start, count: end - start)
    }

    /// A non-negative whole number written with plain digits, or the reason it is not one.
    static func count(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<Int64, CountProblem> {
        guard !bytes.isEmpty else { return .failure(.empty) }
        var value: Int64 = 0
        var overflow = false
        for byte in bytes {
            guard byte >= 0x30, byte <= 0x39 else { return .failure(countProblem(bytes)) }
            if !overflow {
                let (times, o1) = value.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times.addingReportingOverflow(Int64(byte - 0x30))
                overflow = o1 || o2
                value = sum
            }
        }
        if overflow { return .failure(.tooLarge) }
        return .success(value)
    }

    private static func countProblem(_ bytes: UnsafeBufferPointer<UInt8>) -> CountProblem {
        let isDigit = { (byte: UInt8) in byte >= 0x30 && byte <= 0x39 }
        let digits = bytes.filter(isDigit).count
        if bytes.first == 0x2D && digits == bytes.count - 1 && digits > 0 {
            return .negative
        }
        if bytes.contains(where: { $0 == 0x65 || $0 == 0x45 }) && digits > 0 {
            return .scientific
        }
        if bytes.contains(where: { $0 == 0x2E || $0 == 0x2C }) && digits > 0 {
            return .decimals
        }
        if bytes.contains(where: { $0 == 0x20 || $0 == 0x5F || $0 == 0x27 || $0 == 0xC2 || $0 == 0xE2 }) && digits > 0 {
            return .digitSeparator
        }
        return .notACount
    }
}

extension CountProblem: Error {}

/// Parsing of single field values from bytes, with the reason a value is refused.
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
    static func count(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<Int64, FieldProblem> {
        guard !bytes.isEmpty else { return .failure(.init("is empty; a count is required")) }
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
        if overflow { return .failure(.init("is too large for a count (the largest is 9223372036854775807)")) }
        return .success(value)
    }

    private static func countProblem(_ bytes: UnsafeBufferPointer<UInt8>) -> FieldProblem {
        let isDigit = { (byte: UInt8) in byte >= 0x30 && byte <= 0x39 }
        let digits = bytes.filter(isDigit).count
        if bytes.first == 0x2D && digits == bytes.count - 1 && digits > 0 {
            return .init("is negative; counts are non-negative whole numbers")
        }
        if bytes.contains(where: { $0 == 0x65 || $0 == 0x45 }) && digits > 0 {
            return .init("is in scientific notation; write the whole number with plain digits")
        }
        if bytes.contains(where: { $0 == 0x2E || $0 == 0x2C }) && digits > 0 {
            return .init("is not a whole number; counts have no decimals")
        }
        if bytes.contains(where: { $0 == 0x20 || $0 == 0x5F || $0 == 0x27 || $0 == 0xC2 || $0 == 0xE2 }) && digits > 0 {
            return .init("has a digit separator; write plain digits such as 1200")
        }
        return .init("is not a count (a non-negative whole number)")
    }
}

/// Why a field value was refused: the reason, completed by the caller with the column and value.
struct FieldProblem: Error, Equatable {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}

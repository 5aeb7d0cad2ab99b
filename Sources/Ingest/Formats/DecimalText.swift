/// The fixed rules by which the program writes a `Double` as text, never through the C library or the locale:
/// ``format(_:significantDigits:)`` for machine-readable outputs (tidy CSV, JSON, SVG coordinates), and
/// ``fixed(_:places:)``, ``percent(_:places:)`` and ``grouped(_:)`` for the sample data's documents.
///
/// The rule of machine-readable outputs:
///
/// At most `significantDigits` significant digits (10 by default), rounded half away from zero on the
/// decimal digits of Swift's shortest round-trip representation, never an exponent, no trailing zeros
/// after the point, no trailing point: `0.2`, `-0.12`, `0.00001` (not `1e-05`), `1234567.891`, `3`,
/// `12345678900000` for 12345678901234. Negative zero is `0`. At most 15 decimal places: a magnitude
/// below 5e-16 (in practice a p-value far below any meaningful level) is `0`, so no cell runs to hundreds
/// of zeros. Values that are not finite have no decimal text: callers write them as an empty cell or
/// `null`.
public enum DecimalText {
    /// The most digits written after the decimal point.
    public static let maximumDecimalPlaces = 15

    /// The plain decimal text of `value`, or `nil` when it is NaN or infinite.
    public static func format(_ value: Double, significantDigits: Int = 10) -> String? {
        guard value.isFinite else { return nil }
        return plain(value, significantDigits: significantDigits)
    }

    /// The plain decimal text of a finite `value` (see the type's rule); `"0"` when it is not finite.
    public static func plain(_ value: Double, significantDigits: Int) -> String {
        guard value.isFinite, value != 0 else { return "0" }
        let (digits, exponent) = decimalDigits(abs(value))
        // The last digit kept may not lie beyond the last decimal place.
        let kept = min(max(1, significantDigits), exponent + 1 + maximumDecimalPlaces)
        if kept <= 0 {
            // Below the last decimal place: 0, unless the value rounds up to one unit of that place.
            guard kept == 0, digits[0] >= 5 else { return "0" }
            return (value < 0 ? "-" : "") + layout([1], exponent: -maximumDecimalPlaces)
        }
        let (rounded, roundedExponent) = round(digits, exponent: exponent, to: kept)
        return (value < 0 ? "-" : "") + layout(rounded, exponent: roundedExponent)
    }

    /// The significant digits of a positive finite value and the power of ten of its first digit:
    /// 123.45 → ([1,2,3,4,5], 2); 1e-05 → ([1], -5).
    private static func decimalDigits(_ value: Double) -> ([UInt8], Int) {
        // Read from the UTF-8 bytes of the description: digits, one point, and an exponent such as `e-05`.
        var digits: [UInt8] = []
        var pointOffset: Int?
        var exponent = 0
        var exponentSign = 1
        var inExponent = false
        for byte in value.description.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if inExponent {
                    exponent = exponent * 10 + Int(byte - UInt8(ascii: "0"))
                } else {
                    digits.append(byte - UInt8(ascii: "0"))
                }
            case UInt8(ascii: "."): pointOffset = digits.count
            case UInt8(ascii: "e"), UInt8(ascii: "E"): inExponent = true
            case UInt8(ascii: "-") where inExponent: exponentSign = -1
            default: break
            }
        }
        let integerDigits = pointOffset ?? digits.count
        var leadingZeros = 0
        while leadingZeros < digits.count - 1, digits[leadingZeros] == 0 { leadingZeros += 1 }
        let significant = Array(digits[leadingZeros...])
        return (significant, exponentSign * exponent + integerDigits - leadingZeros - 1)
    }

    private static func round(_ digits: [UInt8], exponent: Int, to count: Int) -> ([UInt8], Int) {
        guard digits.count > count else { return (digits, exponent) }
        var kept = Array(digits[..<count])
        if digits[count] >= 5 {
            var position = count - 1
            while position >= 0 {
                if kept[position] == 9 {
                    kept[position] = 0
                    position -= 1
                } else {
                    kept[position] += 1
                    break
                }
            }
            if position < 0 {
                kept.insert(1, at: 0)
                kept.removeLast()
                return (kept, exponent + 1)
            }
        }
        return (kept, exponent)
    }

    private static func layout(_ digits: [UInt8], exponent: Int) -> String {
        var significant = digits
        while significant.count > 1, significant.last == 0 { significant.removeLast() }
        let text = significant.map { String($0) }.joined()
        if exponent < 0 {
            return "0." + String(repeating: "0", count: -exponent - 1) + text
        }
        let integerCount = exponent + 1
        if significant.count <= integerCount {
            return text + String(repeating: "0", count: integerCount - significant.count)
        }
        let split = text.index(text.startIndex, offsetBy: integerCount)
        return text[..<split] + "." + text[split...]
    }

    // MARK: - The sample data's documents

    // The sample data's README and ground truth write numbers for people to read, with a fixed number of decimals
    // and grouped thousands, by the same digit-by-digit rule: nothing from the C library or the locale.

    /// `value` with `places` decimals and a `.` separator (`0.153421`, `-2.5`).
    public static func fixed(_ value: Double, places: Int) -> String {
        var scale = 1
        for _ in 0..<places { scale *= 10 }
        let units = Int((abs(value) * Double(scale)).rounded())
        let sign = value < 0 && units != 0 ? "-" : ""
        guard places > 0 else { return sign + String(units) }
        let fraction = String(units % scale)
        return sign + String(units / scale) + "." + String(repeating: "0", count: places - fraction.count) + fraction
    }

    /// A fraction as a signed percentage with `places` decimals (`0.562` → `+56.2%`).
    public static func percent(_ fraction: Double, places: Int = 1) -> String {
        let text = fixed(fraction * 100, places: places)
        return (text.hasPrefix("-") ? "" : "+") + text + "%"
    }

    /// An integer with thousands separated by commas (`97542` → `97,542`).
    public static func grouped(_ value: Int) -> String {
        let digits = String(abs(value))
        var result = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return (value < 0 ? "-" : "") + result
    }
}

/// Number formatting for the generated files that does not depend on the C library or the locale:
/// values are rounded to an integer number of units of the last place and printed digit by digit.
enum DecimalText {
    /// `value` with `places` decimals and a `.` separator (`0.153421`, `-2.5`).
    static func fixed(_ value: Double, places: Int) -> String {
        var scale = 1
        for _ in 0..<places { scale *= 10 }
        let units = Int((abs(value) * Double(scale)).rounded())
        let sign = value < 0 && units != 0 ? "-" : ""
        guard places > 0 else { return sign + String(units) }
        let fraction = String(units % scale)
        return sign + String(units / scale) + "." + String(repeating: "0", count: places - fraction.count) + fraction
    }

    /// A fraction as a signed percentage with `places` decimals (`0.562` → `+56.2%`).
    static func percent(_ fraction: Double, places: Int = 1) -> String {
        let text = fixed(fraction * 100, places: places)
        return (text.hasPrefix("-") ? "" : "+") + text + "%"
    }

    /// An integer with thousands separated by commas (`97542` → `97,542`).
    static func grouped(_ value: Int) -> String {
        let digits = String(abs(value))
        var result = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return (value < 0 ? "-" : "") + result
    }
}

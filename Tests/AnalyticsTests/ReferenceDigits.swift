import Foundation

/// Whether `value` rounds to `reference` at the precision `reference` is written with: "0.91261" allows
/// ±0.000005, "2.18e-5" allows ±0.005e-5. This is what "reproduce to the digits shown" means.
func matchesDigits(_ value: Double, _ reference: String) -> Bool {
    let parts = reference.lowercased().split(separator: "e", maxSplits: 1)
    guard let mantissaText = parts.first, let referenceValue = Double(reference) else { return false }
    let exponent = parts.count == 2 ? Int(parts[1]) ?? 0 : 0
    let decimals = mantissaText.split(separator: ".").dropFirst().first?.count ?? 0
    let tolerance = 0.5 * pow(10, Double(exponent - decimals)) * (1 + 1e-9)
    return abs(value - referenceValue) <= tolerance
}

/// Whether `value` agrees with `reference` to `digits` significant digits (relative, half a unit).
func matchesSignificantDigits(_ value: Double, _ reference: Double, digits: Int) -> Bool {
    guard reference != 0 else { return value == 0 }
    let magnitude = floor(log10(abs(reference)))
    return abs(value - reference) <= 0.5 * pow(10, magnitude - Double(digits - 1)) * (1 + 1e-9)
}

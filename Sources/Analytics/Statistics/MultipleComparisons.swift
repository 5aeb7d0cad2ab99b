/// Adjusted p-values for a family of tests made on one night (DESIGN §4.5), so that "significant" keeps its
/// meaning when many comparisons are read at once.
///
/// - Holm's step-down adjustment controls the family-wise error rate (the chance that any of the family's null
///   findings is called significant) under any dependence between the tests: p₍ᵢ₎ sorted ascending becomes
///   max over j ≤ i of min(1, (m − j + 1)·p₍ⱼ₎). For the headlines of a night, where one false "calls rose"
///   reaches the press.
/// - Benjamini and Hochberg's step-up adjustment controls the false discovery rate (the expected share of false
///   findings among those called significant) for independent or positively dependent tests: p₍ᵢ₎ becomes
///   min over j ≥ i of min(1, m·p₍ⱼ₎/j). For exploratory families read as lists, such as a funnel's pairs.
///
/// Tests without a p-value (nil: not made) are not members of the family and stay nil. Checked against
/// statsmodels' `multipletests` (`holm`, `fdr_bh`).
public enum MultipleComparisons {
    /// The adjustment.
    public enum Method: String, Sendable, Hashable {
        /// Holm's step-down, family-wise error.
        case holm
        /// Benjamini–Hochberg's step-up, false discovery rate.
        case benjaminiHochberg = "benjamini_hochberg"
    }

    /// The adjusted p-values of `pValues`, in the same order; nil stays nil and does not count in the family.
    public static func adjusted(_ pValues: [Double?], method: Method) -> [Double?] {
        let members = pValues.indices.compactMap { index in pValues[index].map { (index, min(1, max(0, $0))) } }
        let m = Double(members.count)
        let sorted = members.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
        var adjusted = pValues
        switch method {
        case .holm:
            var running = 0.0
            for (rank, member) in sorted.enumerated() {
                running = max(running, min(1, (m - Double(rank)) * member.1))
                adjusted[member.0] = running
            }
        case .benjaminiHochberg:
            var running = 1.0
            for (rank, member) in sorted.enumerated().reversed() {
                running = min(running, min(1, m * member.1 / Double(rank + 1)))
                adjusted[member.0] = running
            }
        }
        return adjusted
    }

    /// How many of `pValues` (nil left out) are at most `level` after the adjustment.
    public static func significantCount(_ pValues: [Double?], method: Method, level: Double) -> Int {
        adjusted(pValues, method: method).compactMap { $0 }.filter { $0 <= level }.count
    }
}

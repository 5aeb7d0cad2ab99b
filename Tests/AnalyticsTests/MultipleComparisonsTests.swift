import Analytics
import Testing

/// The adjustments against statsmodels 0.14.4 (`multipletests(p, method="holm" | "fdr_bh")`), on eight p-values.
@Suite("Multiple comparisons")
struct MultipleComparisonsTests {
    static let pValues: [Double?] = [0.01, 0.04, 0.03, 0.005, 0.2, 0.5, 0.0001, 0.049]

    static func expectClose(_ actual: [Double?], _ expected: [Double?]) {
        #expect(actual.count == expected.count)
        for (a, e) in zip(actual, expected) {
            if let a, let e { #expect(abs(a - e) < 1e-12, "\(a) against \(e)") } else { #expect(a == nil && e == nil) }
        }
    }

    @Test func holmMatchesStatsmodels() {
        Self.expectClose(
            MultipleComparisons.adjusted(Self.pValues, method: .holm),
            [0.06, 0.16, 0.15, 0.035, 0.4, 0.5, 0.0008, 0.16])
    }

    @Test func benjaminiHochbergMatchesStatsmodels() {
        Self.expectClose(
            MultipleComparisons.adjusted(Self.pValues, method: .benjaminiHochberg),
            [0.02666666666666667, 0.064, 0.06, 0.02, 0.2285714285714286, 0.5, 0.0008, 0.06533333333333334])
    }

    /// A test not made is not in the family: the others are adjusted as a family of the rest.
    @Test func missingPValuesStayMissingAndDoNotCount() {
        let adjusted = MultipleComparisons.adjusted([0.01, nil, 0.04], method: .holm)
        Self.expectClose(adjusted, [0.02, nil, 0.04])
        #expect(MultipleComparisons.significantCount([0.01, nil, 0.04], method: .holm, level: 0.05) == 2)
        #expect(MultipleComparisons.significantCount(Self.pValues, method: .holm, level: 0.05) == 2)
        #expect(MultipleComparisons.significantCount(Self.pValues, method: .benjaminiHochberg, level: 0.05) == 3)
    }

    @Test func aSingleTestIsNotAdjusted() {
        Self.expectClose(MultipleComparisons.adjusted([0.03], method: .holm), [0.03])
        Self.expectClose(MultipleComparisons.adjusted([0.03], method: .benjaminiHochberg), [0.03])
        #expect(MultipleComparisons.adjusted([], method: .holm).isEmpty)
    }
}

import Analytics
import Foundation
import Ingest
import Reporting
import Testing

@Suite("Baseline too small to compare")
struct BaselineTooSmallTests {
    static let day = CivilDate(year: 2020, month: 5, day: 4) ?? CivilDate(daysSinceEpoch: 0)

    @Test func aRatioAboveTwentyOrAnUpperBoundAboveItIsNoComparison() {
        #expect(!BaselineSize.isTooSmall(change: 2.33, upper: 2.9))
        #expect(!BaselineSize.isTooSmall(change: 18.9))
        #expect(BaselineSize.isTooSmall(change: 100.35))
        #expect(BaselineSize.isTooSmall(change: 0.4, upper: 1e13))
        #expect(BaselineSize.isTooSmall(change: .infinity))
    }

    /// Campaign-days impressions against a 1 % pilot: +10,035 % was printed; now the counts are.
    @Test func theUpliftTableShowsTheCountsInsteadOfThePercentage() {
        let row = UpliftRow(
            campaign: "pilot", series: SeriesName(metric: .impressions, key: "pilot"), method: .window,
            start: Self.day, end: Self.day.adding(days: 13), observed: 1_234_567, expected: 12_180,
            expectedLow: 11_900, expectedHigh: 12_460, extra: 1_222_387, extraLow: 1_222_100, extraHigh: 1_222_600,
            uplift: 100.35, upliftLow: 98.1, upliftHigh: 102.7, pValue: 0, dispersion: 1)
        let english = QueryTables(language: .en).uplift([row]).markdown
        #expect(english.contains("baseline too small to compare (1,234,567 against 12,180)"))
        #expect(!english.contains("10,035"))
        let french = QueryTables(language: .fr).uplift([row]).markdown
        #expect(french.contains("référence trop petite pour comparer (1\u{202F}234\u{202F}567 contre 12\u{202F}180)"))
    }
}

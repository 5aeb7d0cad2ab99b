import Analytics
import Foundation
import Ingest
import Testing

/// `CounterfactualModel.projection(over:)` and `CampaignPlan` (`awareness plan`, DESIGN §4.2) on a series whose
/// variance is known in closed form.
@Suite("Planning a campaign")
struct CampaignPlanTests {
    static let monday = CivilDate(year: 2020, month: 1, day: 6) ?? CivilDate(daysSinceEpoch: 0)

    /// K = 20 weeks (140 days) from Monday 6 January 2020 of a mean of 100 calls a day with deviations of ±20 that
    /// alternate day by day and are mirrored about the middle (day t and day 139 − t deviate alike). The
    /// deviations sum to 0 over each weekday and over the trend (the mirror makes Σ t·e_t = 0), so the Poisson
    /// fit's score equations hold at μ = 100 on every day: the fit is μ = 100. No holidays are given, so there is
    /// no holiday term.
    static func constantSeries() -> [CivilDate: Double] {
        var values: [CivilDate: Double] = [:]
        for offset in 0..<140 {
            let position = offset < 70 ? offset : 139 - offset
            values[monday.adding(days: offset)] = position % 2 == 0 ? 120 : 80
        }
        return values
    }

    static func window(from offset: Int, days: Int) throws -> DayRange {
        try #require(DayRange(start: monday.adding(days: offset), end: monday.adding(days: offset + days - 1)))
    }

    /// The residuals are ±20 at μ = 100: u²/μ = 4 on every day, so a = 4, scaled by n/(n − p) = 140/132, and b = 0;
    /// their autocorrelation alternates in sign with lag (negative at lag 1), which is not credited: no
    /// correlation. Σ is then a·(XᵀWX)⁻¹, and the design (intercept, trend, six weekday dummies) is least squares
    /// with weights μ, so for the 14 days right after the K = 20 fitted weeks, by hand:
    /// gᵀΣg = a·μ·[Σ_d n_d²/K + (Σ_t (t − t̄_d))²/S_w] = a·μ·[28/K + 84(K + 2)²/(K(K² − 1))] = a·649.47368,
    /// V = a·14·μ = a·1400, E = 1400, se = √(a·(649.47368 + 1400))/1400 = 0.0666039806; Student's t with
    /// 3·140/(2·14) = 15 degrees of freedom, 2.1314495456, and z₀.₈₀ = 0.8416212336:
    /// MDE = exp(2.9730707791·se) − 1 = 0.2189847600.
    @Test func projectsAConstantSeriesOntoTwoWeeksAsComputedByHand() throws {
        let model = CounterfactualModel(
            series: Self.constantSeries(), campaign: try Self.window(from: 140, days: 14))
        let projection = try model.projection(over: try Self.window(from: 140, days: 14)).get()
        #expect(projection.fittedDays == 140)
        #expect(abs(projection.noise.linear - 4 * 140.0 / 132.0) < 1e-9)
        #expect(projection.noise.quadratic == 0 && !projection.noise.isSeriallyCorrelated)
        #expect(abs(projection.expected - 1400) < 1e-6)
        #expect(abs(projection.standardError - 0.066_603_980_6) < 1e-9)
        #expect(abs(projection.minimumDetectableUplift - 0.218_984_760_0) < 1e-8)
    }

    /// Where the window has data, the projection is the campaign estimate's expected total and standard error.
    @Test func agreesWithTheEstimateWhenTheWindowHasData() throws {
        var values = Self.constantSeries()
        let window = try Self.window(from: 140, days: 10)
        for day in window.days { values[day] = 130 }
        let model = CounterfactualModel(series: values, campaign: window)
        let figures = try #require(model.estimate().figures)
        let projection = try model.projection(over: window).get()
        #expect(projection.expected == figures.expected)
        #expect(projection.standardError == figures.standardError)
        #expect(projection.minimumDetectableUplift == figures.minimumDetectableUplift)
    }

    @Test func theLengthSearchReturnsTheShortestLengthThatDetectsTheUplift() throws {
        let model = CounterfactualModel(series: Self.constantSeries(), campaign: try Self.window(from: 140, days: 1))
        let start = Self.monday.adding(days: 140)
        let found = try CampaignPlan.length(toDetect: 0.218_984_8, with: model, start: start).get()
        guard case .days(let projection) = found else {
            Issue.record("expected a length, got \(found)")
            return
        }
        #expect(projection.window.dayCount == 14)
        for days in 1..<14 {
            let shorter = try CampaignPlan.minimumDetectableUplift(of: model, start: start, days: days).get()
            #expect(shorter.minimumDetectableUplift > 0.218_984_8, "\(days) days")
        }
        let tooSmall = try CampaignPlan.length(toDetect: 0.001, with: model, start: start, longest: 20).get()
        guard case .longerThanSearched(let longest) = tooSmall else {
            Issue.record("expected no length, got \(tooSmall)")
            return
        }
        let all = try (1...20).map {
            try CampaignPlan.minimumDetectableUplift(of: model, start: start, days: $0).get().minimumDetectableUplift
        }
        #expect(longest.minimumDetectableUplift == all.min())
        #expect(longest.window.dayCount == (all.firstIndex(of: all.min() ?? 0) ?? 0) + 1)
        #expect(longest.minimumDetectableUplift > 0.001)
    }

    @Test func tooShortAHistoryIsNotFittedAndSaysWhy() throws {
        var values: [CivilDate: Double] = [:]
        for offset in 0..<20 { values[Self.monday.adding(days: offset)] = 100 }
        let model = CounterfactualModel(series: values, campaign: try Self.window(from: 20, days: 7))
        let projection = model.projection(over: try Self.window(from: 20, days: 7))
        guard case .failure(.tooFewFittedDays(found: 20, _, needed: 28)) = projection else {
            Issue.record("expected 20 of the 28 fitted days needed, got \(projection)")
            return
        }
    }
}

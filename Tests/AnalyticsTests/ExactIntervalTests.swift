import Analytics
import Testing

@Suite("Exact and score intervals")
struct ExactIntervalTests {
    struct RateRatioCase: Sendable, CustomTestStringConvertible {
        let events: Int
        let exposure: Double
        let referenceEvents: Int
        let referenceExposure: Double
        let estimate: String
        let lower: String
        let upper: String
        let pValue: String?
        var testDescription: String { "\(events)/\(exposure) vs \(referenceEvents)/\(referenceExposure)" }
    }

    static let rateRatioReference: [RateRatioCase] = [
        .init(
            events: 2, exposure: 17877, referenceEvents: 9, referenceExposure: 16660, estimate: "0.2070941557",
            lower: "0.02177406", upper: "1.00054910", pValue: "0.05011"),
        .init(
            events: 1200, exposure: 1, referenceEvents: 1000, referenceExposure: 1, estimate: "1.2", lower: "1.10248",
            upper: "1.30636", pValue: "2.18e-5"),
        .init(
            events: 120, exposure: 1, referenceEvents: 100, referenceExposure: 1, estimate: "1.2", lower: "0.91261",
            upper: "1.58074", pValue: "0.2001"),
        .init(
            events: 24, exposure: 1, referenceEvents: 20, referenceExposure: 1, estimate: "1.2", lower: "0.63525",
            upper: "2.29048", pValue: "0.6516"),
        .init(
            events: 0, exposure: 1, referenceEvents: 5, referenceExposure: 1, estimate: "0", lower: "0",
            upper: "1.09128", pValue: "0.0625"),
        .init(
            events: 97542, exposure: 54, referenceEvents: 62467, referenceExposure: 54, estimate: "1.5615",
            lower: "1.5459", upper: "1.5773", pValue: nil),
        .init(
            events: 79, exposure: 1, referenceEvents: 37, referenceExposure: 1, estimate: "2.135", lower: "1.428",
            upper: "3.246", pValue: nil),
    ]

    @Test(arguments: rateRatioReference)
    func rateRatioReproducesTheReferenceTable(_ reference: RateRatioCase) throws {
        let ratio = try #require(
            RateRatio(
                events: reference.events, exposure: reference.exposure, referenceEvents: reference.referenceEvents,
                referenceExposure: reference.referenceExposure))
        #expect(matchesDigits(ratio.estimate, reference.estimate), "RR \(ratio.estimate)")
        #expect(matchesDigits(ratio.interval.lower, reference.lower), "lower \(ratio.interval.lower)")
        #expect(matchesDigits(ratio.interval.upper, reference.upper), "upper \(ratio.interval.upper)")
        if let pValue = reference.pValue {
            #expect(matchesDigits(ratio.pValue, pValue), "p \(ratio.pValue)")
        }
    }

    @Test func rateRatioWithNoReferenceEventsHasAnInfiniteUpperBound() throws {
        let ratio = try #require(RateRatio(events: 5, exposure: 1, referenceEvents: 0, referenceExposure: 1))
        #expect(ratio.estimate == .infinity)
        #expect(ratio.interval.upper == .infinity)
        #expect(matchesDigits(ratio.interval.lower, "0.91636"))  // 1/1.09128, mirror of 0 vs 5
        #expect(matchesDigits(ratio.pValue, "0.0625"))
    }

    @Test func rateRatioWithNoEventsAtAllIsUndefinedWithAPValueOfOne() throws {
        let ratio = try #require(RateRatio(events: 0, exposure: 1, referenceEvents: 0, referenceExposure: 1))
        #expect(ratio.estimate.isNaN)
        #expect(ratio.interval.lower == 0 && ratio.interval.upper == .infinity)
        #expect(ratio.pValue == 1)
    }

    @Test func rateRatioRejectsNegativeCountsAndEmptyExposure() {
        #expect(RateRatio(events: -1, exposure: 1, referenceEvents: 3, referenceExposure: 1) == nil)
        #expect(RateRatio(events: 1, exposure: 0, referenceEvents: 3, referenceExposure: 1) == nil)
        #expect(RateRatio(events: 1, exposure: 1, referenceEvents: 3, referenceExposure: 1, confidenceLevel: 1) == nil)
    }

    @Test func rateRatioPValueAndIntervalAlwaysAgree() throws {
        for events in 0...40 {
            for referenceEvents in [0, 3, 10, 25] {
                let ratio = try #require(
                    RateRatio(events: events, exposure: 1, referenceEvents: referenceEvents, referenceExposure: 1.3))
                let excludesOne = !ratio.interval.contains(1)
                #expect((ratio.pValue < 0.05) == excludesOne, "\(events) vs \(referenceEvents)")
            }
        }
    }

    @Test(arguments: [
        (81, 263, "0.25529", "0.36621"), (15, 148, "0.06239", "0.16049"), (0, 20, "0", "0.16113"),
        (1234, 250000, "0.0046688", "0.0052184"),
    ])
    func wilsonIntervalReproducesTheReferenceTable(successes: Int, trials: Int, lower: String, upper: String) throws {
        let wilson = try #require(WilsonInterval(successes: successes, trials: trials))
        #expect(matchesDigits(wilson.interval.lower, lower), "\(wilson.interval.lower)")
        #expect(matchesDigits(wilson.interval.upper, upper), "\(wilson.interval.upper)")
    }

    @Test func wilsonIntervalOfNoTrialsIsTheWholeUnitInterval() throws {
        let wilson = try #require(WilsonInterval(successes: 0, trials: 0))
        #expect(wilson.proportion.isNaN)
        #expect(wilson.interval.lower == 0 && wilson.interval.upper == 1)
        #expect(WilsonInterval(successes: 3, trials: 2) == nil)
    }

    @Test(arguments: [
        (56, 70, 48, 80, "0.0524", "0.3339"), (9, 10, 3, 10, "0.1705", "0.8090"), (6, 7, 2, 7, "0.0582", "0.8062"),
        (5, 56, 0, 29, "-0.0381", "0.1926"), (1234, 250000, 980, 240000, "0.000478", "0.001228"),
    ])
    func newcombeIntervalReproducesTheReferenceTable(
        successes1: Int, trials1: Int, successes2: Int, trials2: Int, lower: String, upper: String
    ) throws {
        let newcombe = try #require(
            NewcombeInterval(successes1: successes1, trials1: trials1, successes2: successes2, trials2: trials2))
        #expect(matchesDigits(newcombe.interval.lower, lower), "\(newcombe.interval.lower)")
        #expect(matchesDigits(newcombe.interval.upper, upper), "\(newcombe.interval.upper)")
    }

    @Test func newcombeDifferenceOfLargeCountsMatchesTheReferenceDelta() throws {
        let newcombe = try #require(
            NewcombeInterval(successes1: 1234, trials1: 250000, successes2: 980, trials2: 240000))
        #expect(matchesDigits(newcombe.difference, "0.000853"))
        #expect(NewcombeInterval(successes1: 0, trials1: 0, successes2: 1, trials2: 2) == nil)
    }
}

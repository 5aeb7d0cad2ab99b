import Analytics
import Foundation
import Ingest
import SampleData
import Testing

/// The anomaly flag's promise: on series with no change, at most about 5% of weeks are flagged, whatever the
/// noise; a day far outside its weekday's history is still found.
@Suite("Weekday anomaly")
struct WeekdayAnomalyTests {
    /// A flat year of daily calls: a weekday pattern around `level`, a latent AR(1) factor of coefficient
    /// `autoregression` and marginal log-sd `latentDeviation`, and Poisson counts (or negative binomial with
    /// variance `varianceToMean` × mean).
    struct Flat: CustomStringConvertible, Sendable {
        var name: String
        var level: Double
        var varianceToMean: Double? = nil
        var autoregression = 0.0
        var latentDeviation = 0.0
        var description: String { name }
    }

    static let settings = [
        Flat(name: "Poisson, 100 a day", level: 100),
        Flat(name: "Poisson, 8 a day", level: 8),
        Flat(name: "negative binomial, variance 3 x mean", level: 300, varianceToMean: 3),
        Flat(name: "latent AR(1) 0.6, sd 0.1", level: 200, autoregression: 0.6, latentDeviation: 0.1),
    ]
    static let weekly = [1.0, 0.95, 0.9, 0.92, 1.05, 0.7, 0.6]
    static let start = CivilDate(year: 2019, month: 1, day: 7) ?? CivilDate(daysSinceEpoch: 0)

    static func points(_ setting: Flat, seed: UInt64) -> [CivilDate: SeriesPoint] {
        var generator = SeededGenerator(seed: seed, stream: setting.name)
        let rho = setting.autoregression
        let deviation = setting.latentDeviation
        var latent = deviation * generator.nextStandardNormal()
        var points: [CivilDate: SeriesPoint] = [:]
        for offset in 0..<(52 * 7) {
            let day = start.adding(days: offset)
            if offset > 0 {
                latent = rho * latent + (1 - rho * rho).squareRoot() * deviation * generator.nextStandardNormal()
            }
            let mean =
                setting.level * weekly[day.isoWeekday - 1] * exp(latent - deviation * deviation / 2)
            let count =
                setting.varianceToMean.map {
                    NegativeBinomial(mean: mean, varianceToMean: $0).sample(using: &generator)
                } ?? PoissonDistribution(mean: mean).sample(using: &generator)
            points[day] = SeriesPoint(date: day, value: Double(count))
        }
        return points
    }

    /// 200 simulated years per setting, every week from the fifth on: the share flagged stays within 5% plus two
    /// binomial standard errors of the 9,600 weeks (it was about a third of call weeks under the former rule).
    @Test(arguments: settings)
    func flatSeriesFlagAtMostFivePercentOfWeeks(setting: Flat) {
        var weeks = 0
        var flagged = 0
        for seed in 1...200 {
            let points = Self.points(setting, seed: UInt64(seed))
            for week in 4..<52 {
                let monday = Self.start.adding(days: 7 * week)
                let days = (0..<7).map { monday.adding(days: $0) }
                weeks += 1
                if !WeekdayAnomaly.anomalousDays(days, points: points, metric: .calls).isEmpty { flagged += 1 }
            }
        }
        let share = Double(flagged) / Double(weeks)
        let allowance = 0.05 + 2 * (0.05 * 0.95 / Double(weeks)).squareRoot()
        #expect(share <= allowance, "\(setting): \(flagged) of \(weeks) flat weeks flagged")
    }

    /// A day twice its weekday's usual level (a news spike), on a series of 100 calls a day, is found in nearly
    /// every simulated year; the other days of its week are rarely flagged.
    @Test func aLargeOneDayRiseIsFound() {
        var found = 0
        var othersFlagged = 0
        let setting = Flat(name: "Poisson, 100 a day", level: 100)
        for seed in 1...100 {
            var points = Self.points(setting, seed: UInt64(seed))
            let monday = Self.start.adding(days: 7 * 30)
            let days = (0..<7).map { monday.adding(days: $0) }
            let wednesday = days[2]
            points[wednesday] = SeriesPoint(date: wednesday, value: 2 * (points[wednesday]?.value ?? 0))
            let anomalous = WeekdayAnomaly.anomalousDays(days, points: points, metric: .calls)
            if anomalous.contains(wednesday) { found += 1 }
            othersFlagged += anomalous.filter { $0 != wednesday }.count
        }
        #expect(found >= 95)
        #expect(othersFlagged <= 5)
    }

    /// With identical reference weeks the spread is the sampling noise alone (√mean), so a change of a few calls
    /// on 100 is not an anomaly while a doubling is.
    @Test func identicalReferenceWeeksUseTheSamplingNoise() throws {
        let monday = try #require(CivilDate(year: 2020, month: 11, day: 2))
        var points: [CivilDate: SeriesPoint] = [:]
        for offset in -28..<7 {
            let day = monday.adding(days: offset)
            points[day] = SeriesPoint(date: day, value: 100)
        }
        let tuesday = monday.adding(days: 1)
        let friday = monday.adding(days: 4)
        points[tuesday] = SeriesPoint(date: tuesday, value: 110)
        points[friday] = SeriesPoint(date: friday, value: 200)
        let days = (0..<7).map { monday.adding(days: $0) }
        #expect(WeekdayAnomaly.anomalousDays(days, points: points, metric: .calls) == [friday])
    }
}

import Ingest

/// One draw of the helpline call series from ``HelplineModel``: daily calls and answered calls per helpline
/// over ``HelplineModel/period``.
///
/// Calls are negative binomial around the model's means. The realised 119 counts inside the first lockdown
/// are then rescaled (13–19 Apr, then the other days of 18 Mar–10 May) so that the published ratios against
/// the realised 2019 counts hold in the counts themselves, not only in the means; the factors stay within a
/// few percent and are reported. Answered calls are drawn last, binomially, so they never exceed calls.
public struct HelplineSample: Sendable {
    /// The first day of every series.
    public let start: CivilDate
    /// Daily calls per helpline, day 0 being ``start``.
    public let calls: [String: [Int]]
    /// Daily answered calls per helpline.
    public let answered: [String: [Int]]
    /// The rescaling applied to the realised 119 counts of 13–19 Apr 2020.
    public let peakWeekRescale: Double
    /// The rescaling applied to the other realised 119 counts of 18 Mar–10 May 2020.
    public let windowRescale: Double

    /// Draws the series for `seed`.
    public init(model: HelplineModel, seed: UInt64) {
        let days = HelplineModel.period.days
        start = HelplineModel.period.start
        var calls: [String: [Int]] = [:]
        for helpline in HelplineModel.helplines {
            var generator = SeededGenerator(seed: seed, stream: "calls:" + helpline)
            let ratio = model.varianceToMean(helpline)
            calls[helpline] = days.map {
                NegativeBinomial(mean: model.expected(helpline, on: $0), varianceToMean: ratio)
                    .sample(using: &generator)
            }
        }
        var series119 = calls["119"] ?? []
        let start = self.start
        func indices(_ range: DayRange) -> [Int] { range.days.map { start.days(to: $0) } }
        func sum(_ indices: [Int]) -> Int { indices.reduce(0) { $0 + series119[$1] } }

        let peak = indices(HelplineModel.peakWeek2020)
        let peakTarget = HelplineModel.lockdownPeakWeekRatio * Double(sum(peak.map { $0 - 366 }))
        peakWeekRescale = HelplineSample.rescale(&series119, at: peak, to: peakTarget)

        let window = indices(HelplineModel.lockdownWindow2020)
        let rest = window.filter { !peak.contains($0) }
        let windowTarget = HelplineModel.lockdownWindowRatio * Double(sum(window.map { $0 - 366 }))
        windowRescale = HelplineSample.rescale(&series119, at: rest, to: windowTarget - Double(sum(peak)))
        calls["119"] = series119

        var answered: [String: [Int]] = [:]
        for helpline in HelplineModel.helplines {
            var generator = SeededGenerator(seed: seed, stream: "answered:" + helpline)
            let daily = calls[helpline] ?? []
            answered[helpline] = zip(days, daily).map { day, count in
                BinomialDistribution(trials: count, probability: model.answerRate(helpline, on: day))
                    .sample(using: &generator)
            }
        }
        self.calls = calls
        self.answered = answered
    }

    /// The total calls to `helpline` over `range` (days outside the period count 0).
    public func total(_ helpline: String, over range: DayRange) -> Int {
        let series = calls[helpline] ?? []
        return range.days.reduce(0) { sum, day in
            let index = start.days(to: day)
            return series.indices.contains(index) ? sum + series[index] : sum
        }
    }

    /// Scales the counts at `indices` so that their sum becomes `target` (rounded), distributing the
    /// rounding so the sum is exact; returns the factor.
    private static func rescale(_ series: inout [Int], at indices: [Int], to target: Double) -> Double {
        let current = indices.reduce(0) { $0 + series[$1] }
        guard current > 0 else { return 1 }
        let factor = target / Double(current)
        var carried = 0.0
        for index in indices {
            let exact = Double(series[index]) * factor + carried
            let rounded = exact.rounded()
            carried = exact - rounded
            series[index] = max(0, Int(rounded))
        }
        return factor
    }
}

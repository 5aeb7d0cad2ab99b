import Analytics
import Foundation
import Ingest
import SampleData

/// Simulated calls with news spikes (issue 25, item 7): a `NoisyCalls` series, and the same series with spikes
/// added, so that an interval can be compared with the one the same days give without them.
///
/// A spike starts on any day with probability `rate` (its own random stream, so the series underneath is the same
/// with and without spikes); on its first day it multiplies the mean by m, drawn uniformly in [2, 4], and its excess
/// m − 1 halves every following day (×2–4, decaying over a few days: 2(m − 1) days of usual calls in all). The
/// spike's calls are a Poisson draw of its excess over the day's mean (campaign effect included) added to the day's
/// count, so the days without a spike are those of the series without spikes.
struct SpikyCalls {
    /// The series without spikes.
    let calm: NoisyCalls
    /// The same series with the spikes' calls added.
    let series: [CivilDate: Double]
    /// The first day of every spike.
    let onsets: [CivilDate]

    /// The spikes' rate used in the calibration: four a year.
    static let defaultRate = 4 / 365.0

    init(setting: NoisyCalls.Setting, seed: UInt64, stream: String = "target", uplift: Double? = nil, rate: Double) {
        let calm = NoisyCalls(setting: setting, seed: seed, stream: stream, uplift: uplift)
        var generator = SeededGenerator(seed: seed, stream: stream + "-spikes")
        let effect = 1 + (uplift ?? setting.uplift)
        var excess = 0.0
        var series = calm.series
        var onsets: [CivilDate] = []
        let days = calm.means.keys.sorted()
        for day in days {
            excess /= 2
            if generator.nextUnit() < rate {
                excess += 1 + 2 * generator.nextUnit()
                onsets.append(day)
            }
            guard excess > 0.01, let count = series[day], let mean = calm.means[day] else { continue }
            let level = mean * (calm.campaign.contains(day) ? effect : 1)
            series[day] = count + Double(PoissonDistribution(mean: level * excess).sample(using: &generator))
        }
        self.calm = calm
        self.series = series
        self.onsets = onsets
    }

    var campaign: DayRange { calm.campaign }
}

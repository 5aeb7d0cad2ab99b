import Foundation
import Ingest

extension CounterfactualModel {
    /// The news spikes among the fitted days (`NewsSpikes.find`), their residuals standardised with the variance
    /// function estimated from every fitted day.
    static func spikes(days: [CivilDate], response: [Double], fit: QuasiPoissonFit, parameters: Int) -> NewsSpikes {
        let dayNumbers = days.map(\.daysSinceEpoch)
        let noise = NoiseStructure.estimate(
            days: dayNumbers, observed: response, expected: fit.fitted, parameters: parameters)
        return NewsSpikes.find(days: dayNumbers, observed: response, expected: fit.fitted, noise: noise)
    }

    /// The fit again on the days `spikes` does not flag, with their design rows, counts and offsets: nil when it
    /// flags none, when fewer than `minimumFittedDays` days would be left, or when the refit fails (the first fit
    /// then stands, spikes and all).
    static func refit(
        leavingOut spikes: NewsSpikes, days: [CivilDate], rows: [[Double]], response: [Double], offsets: [Double]?,
        names: [String]
    ) -> (days: [CivilDate], rows: [[Double]], response: [Double], fit: QuasiPoissonFit)? {
        let flagged = Set(spikes.flaggedDays)
        guard !flagged.isEmpty else { return nil }
        let kept = days.indices.filter { !flagged.contains(days[$0].daysSinceEpoch) }
        guard kept.count >= minimumFittedDays, kept.count < days.count else { return nil }
        let keptRows = kept.map { rows[$0] }
        let keptResponse = kept.map { response[$0] }
        guard keptResponse.contains(where: { $0 > 0 }),
            let model = try? PoissonGLM(
                columnNames: names, rows: keptRows, response: keptResponse,
                offset: offsets.map { o in kept.map { o[$0] } }),
            let fit = try? model.fit(dispersion: .poisson)
        else { return nil }
        return (kept.map { days[$0] }, keptRows, keptResponse, fit)
    }
}

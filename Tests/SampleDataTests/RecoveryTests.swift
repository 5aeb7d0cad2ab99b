import Analytics
import Foundation
import Ingest
import Testing

/// The estimators on the committed sample data, whose injected uplifts are known (`Data/ground-truth.csv`):
/// every campaign's `model` interval must contain the uplift that was injected into each of its call and
/// video series.
@Suite("Recovery of the injected uplifts on the sample data")
struct RecoveryTests {
    @Test func everyModelIntervalContainsTheInjectedUplift() throws {
        let folder = try DataFolder.load(path: SampleDataFolder.url.path)
        let series = SeriesCatalog.build(from: folder.data)
        let rows = CampaignEstimates.estimateAll(calendar: folder.calendar, series: series).flatMap(\.rows)
        let truth = try SampleDataFolder.rows("ground-truth.csv").dropFirst()
        var checked = 0
        for line in truth {
            let (campaign, name, uplift) = (line[0], line[1], try #require(Double(line[7])))
            guard name.hasPrefix("calls:") || name.hasPrefix("videos:") else { continue }
            let model = try #require(
                rows.first { $0.campaign == campaign && $0.series.description == name && $0.method == .model },
                "no model row for \(campaign) \(name)")
            let low = try #require(model.upliftLow, "\(campaign) \(name): \(model.note ?? "")")
            let high = try #require(model.upliftHigh)
            #expect(low <= uplift && uplift <= high, "\(campaign) \(name): injected \(uplift), interval \(low)–\(high)")
            checked += 1
        }
        #expect(checked >= 8)
    }
}

import Analytics
import Foundation
import Ingest
import SampleData

/// A simulated night of many campaigns: `helplines` helplines, each with `campaignsPerHelpline` 14-day campaigns
/// spread over three years after 400 days of history, each multiplying its helpline's calls by 1 + `uplift`.
///
/// Calls behave like `NoisyCalls` (weekday pattern, 5 % a year of trend, a yearly cycle of ±10 %, 0.7 on French
/// public holidays), negative binomial of size 100, at 40 + 50·(h mod 10) calls a day on helpline h. The campaigns
/// of helpline h start on days 400 + 11·(h mod 10) + 109·j: 95 days apart, so that a model leaving out only its
/// own helpline's campaigns keeps most of its history, while one leaving out every campaign keeps almost none.
struct SimulatedNight {
    static let start = CivilDate(year: 2016, month: 1, day: 4) ?? CivilDate(daysSinceEpoch: 0)
    static let historyDays = 400
    static let campaignDays = 14
    static let totalDays = 1525
    static let weekly = [1.0, 0.95, 0.9, 0.92, 1.05, 0.7, 0.6]
    static let holidays = Set((2016...2020).flatMap { PublicHolidays.france(year: $0) })

    let calendar: CampaignCalendar
    let series: [DailySeries]
    let uplift: Double

    init(helplines: Int, campaignsPerHelpline: Int = 10, uplift: Double = 0.15, seed: UInt64) {
        self.uplift = uplift
        var campaigns: [Campaign] = []
        var series: [DailySeries] = []
        for helpline in 0..<helplines {
            let id = String(3000 + helpline)
            var windows: [DayRange] = []
            for index in 0..<campaignsPerHelpline {
                let offset = Self.historyDays + 11 * (helpline % 10) + 109 * index
                let window = dayRange(from: Self.start.adding(days: offset), days: Self.campaignDays)
                windows.append(window)
                campaigns.append(
                    Campaign(id: "c\(id)-\(index)", window: window, helplines: [id], banners: []))
            }
            var generator = SeededGenerator(seed: seed, stream: "night-\(id)")
            let level = 40 + 50 * Double(helpline % 10)
            var values: [CivilDate: Double] = [:]
            for offset in 0..<Self.totalDays {
                let day = Self.start.adding(days: offset)
                var mean = level * Self.weekly[day.isoWeekday - 1] * (1 + 0.05 * Double(offset) / 365.25)
                mean *= 1 + 0.1 * sin(2 * Double.pi * Double(day.daysSinceEpoch) / 365.25)
                if Self.holidays.contains(day) { mean *= 0.7 }
                if windows.contains(where: { $0.contains(day) }) { mean *= 1 + uplift }
                values[day] = Double(NegativeBinomial(mean: mean, size: 100).sample(using: &generator))
            }
            series.append(DailySeries(name: SeriesName(metric: .calls, key: id), values: values))
        }
        campaigns.sort { ($0.window.start, $0.id) < ($1.window.start, $1.id) }
        calendar = CampaignCalendar(timeZoneIdentifier: "Europe/Paris", campaigns: campaigns)
        self.series = series
    }
}

import Analytics
import Foundation
import Ingest
import Testing

@Suite("Campaign exclusions")
struct CampaignExclusionsTests {
    static let day = CivilDate(year: 2020, month: 5, day: 4) ?? CivilDate(daysSinceEpoch: 0)

    static let campaigns = [
        Campaign(
            id: "banner-119", window: dayRange(from: day, days: 14), helplines: ["119"],
            hashtags: ["#AlloEnfanceEnDanger"], banners: ["banner-119"]),
        Campaign(
            id: "tiktok", window: dayRange(from: day.adding(days: 60), days: 14), helplines: ["119", "3919"],
            hashtags: ["#BalanceTonTikTokeur"], banners: ["tiktok"], carryover: 0),
        Campaign(
            id: "harcelement", window: dayRange(from: day.adding(days: 180), days: 8), helplines: ["3020"],
            hashtags: ["#NonAuHarcèlement"], banners: ["discover-3020"], carryover: 30),
    ]
    static let exclusions = CampaignExclusions(campaigns: campaigns)

    static func name(_ text: String) throws -> SeriesName { try #require(SeriesName(parsing: text)) }

    @Test(arguments: [
        ("calls:119", ["banner-119", "tiktok"]),
        ("answered:3919", ["tiktok"]),
        ("calls:3020", ["harcelement"]),
        ("calls:116006", []),
        ("videos:nonauharcelement", ["harcelement"]),
        ("views:balancetontiktokeur", ["tiktok"]),
        ("videos:119", []),
        ("impressions:banner-119", ["banner-119"]),
        ("clicks:discover-3020:search", ["harcelement"]),
        ("ctr:tiktok", ["tiktok"]),
        ("impressions:harcelement", []),
    ])
    func aSeriesIsTouchedOnlyByTheCampaignsOnItsHelplineHashtagOrBanner(series: String, touching: [String]) throws {
        #expect(Self.exclusions.campaigns(touching: try Self.name(series)) == touching)
    }

    @Test func aModelLeavesOutTheOtherCampaignsOnItsSeriesWithTheirCarryOver() throws {
        let excluded = Self.exclusions.excludedDays(touching: [try Self.name("calls:119")], except: "tiktok")
        // banner-119's 14 days and its default 14 days of carry-over; tiktok is the campaign being estimated.
        #expect(excluded == [dayRange(from: Self.day, days: 28)])
        let all = Self.exclusions.excludedDays(touching: [try Self.name("calls:119")])
        #expect(all == [dayRange(from: Self.day, days: 28), dayRange(from: Self.day.adding(days: 60), days: 14)])
        let harcelement = Self.exclusions.excludedDays(touching: [try Self.name("calls:3020")])
        #expect(harcelement == [dayRange(from: Self.day.adding(days: 180), days: 38)])
    }

    @Test func aModelLeavesOutTheCampaignsOnItsControlsOnce() throws {
        let excluded = Self.exclusions.excludedDays(
            touching: [try Self.name("calls:3020"), try Self.name("calls:3919"), try Self.name("calls:119")],
            except: "harcelement")
        #expect(excluded == [dayRange(from: Self.day, days: 28), dayRange(from: Self.day.adding(days: 60), days: 14)])
    }

    @Test func aModelOfAnotherHelplineKeepsTheCampaignsDays() throws {
        let calls = simulatedCalls(seed: 3, from: Self.day.adding(days: -500), days: 700, campaign: nil, effect: 1)
        let calendar = CampaignCalendar(timeZoneIdentifier: "Europe/Paris", campaigns: Self.campaigns)
        let harcelement = try #require(calendar.campaign(id: "harcelement"))
        let on3020 = CampaignEstimates.estimate(
            campaign: harcelement, calendar: calendar,
            series: [DailySeries(name: SeriesName(metric: .calls, key: "3020"), values: calls)])
        let fitted = try #require(on3020.series.first?.model?.figures)
        // Nothing else touches 3020: every day of the three years before the campaign that has data is fitted.
        #expect(fitted.fittedDays == 500 + 180)
        let tiktok = try #require(calendar.campaign(id: "tiktok"))
        let on119 = CampaignEstimates.estimate(
            campaign: tiktok, calendar: calendar,
            series: [DailySeries(name: SeriesName(metric: .calls, key: "119"), values: calls)],
            seriesNames: [SeriesName(metric: .calls, key: "119")])
        let fitted119 = try #require(on119.series.first?.model?.figures)
        // banner-119's window and carry-over (28 days) are left out of the 560 days before tiktok.
        #expect(fitted119.fittedDays == 500 + 60 - 28)
    }

    @Test func theDefaultBaselineMovesBeforeAnotherCampaignOnTheSeries() throws {
        let campaign = dayRange(from: Self.day.adding(days: 40), days: 14)
        let other = dayRange(from: Self.day, days: 28)
        let baseline = WindowComparison.precedingBaseline(for: campaign, avoiding: [other])
        #expect(baseline == dayRange(from: Self.day.adding(days: -28), days: 28))
        let untouched = WindowComparison.precedingBaseline(for: campaign, avoiding: [])
        #expect(untouched == dayRange(from: Self.day.adding(days: 12), days: 28))
        let chained = WindowComparison.precedingBaseline(
            for: campaign, avoiding: [other, dayRange(from: Self.day.adding(days: -20), days: 10)])
        #expect(chained == dayRange(from: Self.day.adding(days: -48), days: 28))
    }
}

/// 100 campaigns over three years across 10 helplines (issue 25): each model leaves out only its own helpline's
/// other campaigns, so it keeps at least a year of fitted days and its interval covers the injected +15% about as
/// often as the calibration says.
@Suite("A night of many campaigns")
struct ManyCampaignsTests {
    @Test func everyModelOfAHundredCampaignsFitsAYearAndCoversItsUplift() throws {
        let night = SimulatedNight(helplines: 10, seed: 25)
        #expect(night.calendar.campaigns.count == 100)
        let estimates = CampaignEstimates.estimateAll(calendar: night.calendar, series: night.series)
        var covered = 0
        var nullPlacebo = 0
        var shortest = Int.max
        for campaign in estimates {
            let figures = try #require(campaign.series.first?.model?.figures)
            shortest = min(shortest, figures.fittedDays)
            if figures.upliftInterval.contains(night.uplift) { covered += 1 }
            if let placebo = campaign.series.first?.placebo?.figures, placebo.upliftInterval.contains(0) {
                nullPlacebo += 1
            }
        }
        print(
            "100 campaigns: \(covered) intervals cover +15%, \(nullPlacebo) placebos cover 0, shortest fit \(shortest) days"
        )
        #expect(shortest >= 365)
        // With a true coverage of 95%, fewer than 89 of 100 happens with probability below 1%.
        #expect(covered >= 89, "coverage \(covered) of 100")
        #expect(nullPlacebo >= 89, "placebos covering 0: \(nullPlacebo) of 100")
    }
}

/// The time a night takes as campaigns grow (issue 25): `AWARENESS_BENCH=1 swift test -c release --filter
/// NightSpeed`. A benchmark, not an assertion: prints seconds and seconds per campaign for nights of 10, 100
/// and 1,000 campaigns, ten per helpline.
@Suite("Night speed")
struct NightSpeedTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["AWARENESS_BENCH"] == "1"))
    func printsTheSecondsOfNightsOfTenHundredAndAThousandCampaigns() {
        let clock = ContinuousClock()
        print("| campaigns | helplines | seconds | seconds per campaign |\n|---|---|---|---|")
        for helplines in [1, 10, 100] {
            let night = SimulatedNight(helplines: helplines, seed: 7)
            var fitted = 0
            let duration = clock.measure {
                let estimates = CampaignEstimates.estimateAll(calendar: night.calendar, series: night.series)
                fitted = estimates.filter { $0.series.first?.model?.isFitted == true }.count
            }
            let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
            let campaigns = night.calendar.campaigns.count
            print(
                String(
                    format: "| %d | %d | %.2f | %.4f |", campaigns, helplines, seconds,
                    seconds / Double(campaigns)) + " (\(fitted) fitted)")
        }
    }
}

import Analytics
import Ingest
import Testing

@Suite("Series names and the catalog")
struct SeriesCatalogTests {
    static let monday = CivilDate(year: 2020, month: 11, day: 2) ?? CivilDate(daysSinceEpoch: 0)

    private func day(_ offset: Int) -> CivilDate { Self.monday.adding(days: offset) }

    @Test(arguments: ["calls:119", "impressions:banner-119:search", "ctr:banner-119:discover", "views:nonau"])
    func namesRoundTripThroughTheirText(text: String) throws {
        let name = try #require(SeriesName(parsing: text))
        #expect(name.description == text)
    }

    @Test(arguments: ["calls", "calls:", "foo:119", "calls:119:a:b", ":119", "ctr::search"])
    func malformedNamesAreRefused(text: String) {
        #expect(SeriesName(parsing: text) == nil)
    }

    @Test func placementAndMetricAreReadFromTheName() throws {
        let name = try #require(SeriesName(parsing: "impressions:banner-119:search"))
        #expect(name.metric == .impressions && name.key == "banner-119" && name.placement == "search")
        #expect(name.withoutPlacement.description == "impressions:banner-119")
        #expect(name.with(metric: .ctr).description == "ctr:banner-119:search")
    }

    private func sampleData() -> IngestedData {
        var data = IngestedData()
        data.helplineCalls = [
            HelplineDay(date: day(0), helpline: "119", calls: 40, answered: 30),
            HelplineDay(date: day(1), helpline: "119", calls: 50, answered: nil),
            HelplineDay(date: day(3), helpline: "119", calls: 45, answered: 44),
        ]
        data.hashtagVideos = [
            HashtagDay(date: day(0), spelling: "#NonAuHarcelement", videos: 3, views: 100),
            HashtagDay(date: day(0), spelling: "#nonauharcèlement", videos: 2, views: 50),
            HashtagDay(date: day(1), spelling: "#NonAuHarcelement", videos: 4, views: nil),
            HashtagDay(date: day(1), spelling: "#nonauharcèlement", videos: 1, views: 10),
        ]
        data.impressions = [
            BannerDay(date: day(0), campaign: "b", banner: "x", placement: "search", region: "idf", count: 600),
            BannerDay(date: day(0), campaign: "b", banner: "x", placement: "search", region: "ara", count: 400),
            BannerDay(date: day(0), campaign: "b", banner: "y", placement: "discover", region: "idf", count: 1000),
            BannerDay(date: day(1), campaign: "b", banner: "x", placement: "search", region: "idf", count: 500),
            BannerDay(date: day(2), campaign: "b", banner: "x", placement: "search", region: "idf", count: 500),
        ]
        data.clicks = [
            BannerDay(date: day(0), campaign: "b", banner: "x", placement: "search", region: "idf", count: 20),
            BannerDay(date: day(0), campaign: "b", banner: "y", placement: "discover", region: "idf", count: 10),
            BannerDay(date: day(1), campaign: "other", banner: "", placement: "", region: "", count: 1),
        ]
        return data
    }

    @Test func callsAndAnsweredKeepMissingDaysMissing() throws {
        let catalog = SeriesCatalog(data: sampleData())
        let calls = try #require(catalog.series(named: SeriesName(metric: .calls, key: "119")))
        #expect(calls.points.map(\.date) == [day(0), day(1), day(3)])
        #expect(calls.points.map(\.value) == [40, 50, 45])
        let answered = try #require(catalog.series(named: SeriesName(metric: .answered, key: "119")))
        #expect(answered.points.map(\.date) == [day(0), day(3)])
    }

    @Test func hashtagSpellingsAreSummedAndIncompleteViewDaysLeftOut() throws {
        let catalog = SeriesCatalog(data: sampleData())
        let videos = try #require(catalog.series(named: SeriesName(metric: .videos, key: "nonauharcelement")))
        #expect(videos.points.map(\.value) == [5, 5])
        let views = try #require(catalog.series(named: SeriesName(metric: .views, key: "nonauharcelement")))
        #expect(views.points.map(\.date) == [day(0)] && views.points.map(\.value) == [150])
    }

    @Test func bannerSeriesAreSummedOverBannersRegionsAndPlacements() throws {
        let catalog = SeriesCatalog(data: sampleData())
        let total = try #require(catalog.series(named: SeriesName(metric: .impressions, key: "b")))
        #expect(total.points.map(\.value) == [2000, 500, 500])
        let search = try #require(
            catalog.series(named: SeriesName(metric: .impressions, key: "b", placement: "search")))
        #expect(search.points.map(\.value) == [1000, 500, 500])
    }

    /// Banner rows summed by day in arrays (days close together) and one by one (days far apart) give the same
    /// series, whether a campaign's rows come together or not.
    @Test(arguments: [1, 400])
    func bannerSeriesAreSummedAlikeWhateverTheDaySpreadAndRowOrder(dayStep: Int) throws {
        var data = IngestedData()
        var expected: [String: [CivilDate: Double]] = [:]
        for index in 0..<60 {
            let campaign = ["b", "c", "b"][index % 3]
            let placement = ["search", "", "discover", "search"][index % 4]
            let date = day(index % 7 * dayStep)
            let count = Int64(index + 1)
            data.impressions.append(
                BannerDay(date: date, campaign: campaign, banner: "x", placement: placement, region: "r", count: count))
            expected["impressions:\(campaign)", default: [:]][date, default: 0] += Double(count)
            if !placement.isEmpty {
                expected["impressions:\(campaign):\(placement)", default: [:]][date, default: 0] += Double(count)
            }
        }
        let catalog = SeriesCatalog(data: data)
        #expect(catalog.series.count == expected.count)
        for (text, values) in expected {
            let name = try #require(SeriesName(parsing: text))
            #expect(catalog.series(named: name)?.values == values, "\(text)")
        }
    }

    @Test func ctrIsClicksOverImpressionsOnDaysTheClickFeedCovers() throws {
        let catalog = SeriesCatalog(data: sampleData())
        let ctr = try #require(catalog.series(named: SeriesName(metric: .ctr, key: "b")))
        // Day 0: 30/2000. Day 1: the click feed has rows (for another campaign), so b had 0 clicks of 500.
        // Day 2: the click feed is silent, so the CTR is missing rather than 0.
        #expect(ctr.points.map(\.date) == [day(0), day(1)])
        #expect(ctr.points.map(\.value) == [0.015, 0])
        #expect(ctr.points.first?.successes == 30 && ctr.points.first?.trials == 2000)
        let search = try #require(catalog.series(named: SeriesName(metric: .ctr, key: "b", placement: "search")))
        #expect(search.points.first?.value == 0.02)
    }

    @Test func seriesAreSortedByName() {
        let names = SeriesCatalog.build(from: sampleData()).map(\.name.description)
        #expect(names == names.sorted())
        #expect(names.contains("clicks:other") && !names.contains("ctr:other"))
    }
}

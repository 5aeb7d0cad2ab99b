import Ingest
import Testing

/// The rules of a night's verdict (DESIGN §2): what fails a night against last night, and what does not.
@Suite("The night's verdict")
struct NightVerdictTests {
    /// A file of `feed` with `read` rows of which `rejected` were rejected.
    static func file(_ path: String, feed: Feed = .helplineCalls, read: Int, rejected: Int = 0) -> FileReport {
        var report = FileReport(feed: feed, file: path)
        report.rowsRead = read
        report.rowsRejected = rejected
        report.rowsAccepted = read - rejected
        return report
    }

    /// Data made of `files`, with `absent` feeds without a folder.
    static func data(_ files: [FileReport], absent: [Feed] = [], unreadable: [Feed] = []) -> IngestedData {
        var data = IngestedData()
        data.files = files
        data.absentFeeds = absent
        data.unreadableFeeds = unreadable.map { UnreadableFeedFolder(feed: $0, folder: $0.rawValue, system: "denied") }
        return data
    }

    /// Last night: a history file of helpline calls with 1,000 rows.
    static let lastNight = LastNight(files: ["helpline_calls/history.csv"], rowsAccepted: [.helplineCalls: 1_000])

    static func verdict(_ data: IngestedData, lastNight: LastNight? = lastNight) -> NightVerdict {
        NightVerdict(data: data, lastNight: lastNight, maxRejectRate: 0.01, maxFileRejectRate: 0.5)
    }

    @Test func aNightLikeLastWithTwoRejectedRowsIsUsableAndItsRejectsAreWarnings() {
        let verdict = Self.verdict(Self.data([Self.file("helpline_calls/history.csv", read: 1_002, rejected: 2)]))
        #expect(verdict.isUsable)
        #expect(verdict.dataVerdict == .usable)
        #expect(!verdict.rejectsAreErrors(inFile: "helpline_calls/history.csv"))
    }

    @Test func aFeedThatHadDataLastNightFailsWhenItsFolderIsMissingEmptyOrHeaderOnly() {
        #expect(
            Self.verdict(Self.data([], absent: [.helplineCalls])).reasons == [
                .feedVanished(feed: .helplineCalls, lastNightRows: 1_000)
            ])
        #expect(Self.verdict(Self.data([])).reasons == [.feedEmpty(feed: .helplineCalls, lastNightRows: 1_000)])
        let headers = Self.verdict(Self.data([Self.file("helpline_calls/history.csv", read: 0)]))
        #expect(headers.reasons == [.feedHeaderOnly(feed: .helplineCalls, lastNightRows: 1_000)])
        #expect(headers.dataVerdict == .problems)
        var empty = Self.file("helpline_calls/history.csv", read: 0)
        empty.failure = FileFailure(isIOError: false, line: nil, column: nil, reason: .csv(.empty))
        #expect(Self.verdict(Self.data([empty])).reasons == [.fileRefused(file: "helpline_calls/history.csv")])
    }

    @Test func withoutLastNightAMissingOrHeaderOnlyFeedIsNoProblem() {
        #expect(Self.verdict(Self.data([], absent: [.helplineCalls]), lastNight: nil).isUsable)
        #expect(Self.verdict(Self.data([Self.file("helpline_calls/a.csv", read: 0)]), lastNight: nil).isUsable)
        // A feed that gave no row last night may give none tonight.
        let empty = LastNight(files: [], rowsAccepted: [.helplineCalls: 0])
        #expect(Self.verdict(Self.data([], absent: [.helplineCalls]), lastNight: empty).isUsable)
    }

    @Test func anUnreadableFeedFolderIsAnIOFailureWithOrWithoutLastNight() {
        for lastNight in [Self.lastNight, nil] {
            let verdict = Self.verdict(Self.data([], unreadable: [.helplineCalls]), lastNight: lastNight)
            #expect(verdict.reasons == [.feedUnreadable(feed: .helplineCalls, system: "denied")])
            #expect(verdict.dataVerdict == .ioFailure)
        }
    }

    @Test func aWhollyRejectedFileFailsTheNightEvenUnderTheOverallThreshold() {
        let data = Self.data([
            Self.file("helpline_calls/history.csv", read: 10_000),
            Self.file("helpline_calls/2021-01.csv", read: 31, rejected: 31),
        ])
        #expect(data.rejectRate < 0.01)
        let verdict = Self.verdict(data)
        #expect(verdict.reasons == [.fileWhollyRejected(file: "helpline_calls/2021-01.csv", rows: 31)])
        #expect(verdict.rejectsAreErrors(inFile: "helpline_calls/2021-01.csv"))
        #expect(!verdict.rejectsAreErrors(inFile: "helpline_calls/history.csv"))
    }

    @Test func aNewFileFailsOverThePerFileThresholdAndAFileReadLastNightDoesNot() {
        let new = Self.verdict(
            Self.data([
                Self.file("helpline_calls/history.csv", read: 10_000),
                Self.file("helpline_calls/new.csv", read: 10, rejected: 6),
            ]))
        #expect(new.reasons == [.newFileOverThreshold(file: "helpline_calls/new.csv", rate: 0.6, threshold: 0.5)])
        let atThreshold = Self.verdict(
            Self.data([
                Self.file("helpline_calls/history.csv", read: 10_000),
                Self.file("helpline_calls/new.csv", read: 10, rejected: 5),
            ]))
        #expect(atThreshold.isUsable)
        let known = Self.verdict(
            Self.data([Self.file("helpline_calls/history.csv", read: 10_000, rejected: 60)]),
            lastNight: LastNight(files: ["helpline_calls/history.csv"], rowsAccepted: [.helplineCalls: 100]))
        #expect(known.isUsable)
    }

    @Test func theOverallThresholdMakesEveryRejectedRowAnError() {
        let verdict = Self.verdict(Self.data([Self.file("helpline_calls/history.csv", read: 100, rejected: 2)]))
        #expect(verdict.reasons == [.overallOverThreshold(rate: 0.02, threshold: 0.01)])
        #expect(verdict.rejectsAreErrors(inFile: "helpline_calls/history.csv"))
    }

    @Test func givesIOFailuresThenFeedsThenFilesThenTheOverallRate() {
        var refused = Self.file("helpline_calls/a.csv", read: 1, rejected: 1)
        refused.failure = FileFailure(isIOError: false, line: 1, column: nil, reason: .notAFeedFileName)
        var unreadable = Self.file("hashtag_videos/b.csv", feed: .hashtagVideos, read: 0)
        unreadable.failure = FileFailure(isIOError: true, line: nil, column: nil, reason: .unexpected("x"))
        let lastNight = LastNight(files: [], rowsAccepted: [.clicks: 5])
        let verdict = Self.verdict(
            Self.data([refused, unreadable], absent: [.clicks], unreadable: [.impressions]), lastNight: lastNight)
        #expect(
            verdict.reasons == [
                .feedUnreadable(feed: .impressions, system: "denied"), .fileUnreadable(file: "hashtag_videos/b.csv"),
                .feedVanished(feed: .clicks, lastNightRows: 5), .fileRefused(file: "helpline_calls/a.csv"),
                .overallOverThreshold(rate: 1, threshold: 0.01),
            ])
        #expect(verdict.dataVerdict == .ioFailure)
    }
}

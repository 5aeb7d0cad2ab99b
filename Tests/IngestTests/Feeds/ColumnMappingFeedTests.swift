import Foundation
import Ingest
import Testing

/// Exports whose headers name the feed's columns otherwise (`Appels reçus` for `calls`): read through `columns:`.
@Suite("Column names of the feeds")
struct ColumnMappingFeedTests {
    static let french = [
        Feed.helplineCalls: FeedReadOptions(
            dateFormat: .dayMonthYearSlash,
            columns: ["date": "Date", "helpline": "Ligne d'écoute", "calls": "Appels reçus"])
    ]

    static let frenchFile = "Date;Ligne d'écoute;Appels reçus\n04/05/2020;119;812\n05/05/2020;119;790\n"

    @Test func readsAFrenchHeaderThroughTheMapping() throws {
        let data = try DataFolderFixture(["helpline_calls/a.csv": Self.frenchFile]).read(options: Self.french)
        #expect(data.rejects == [])
        #expect(data.files[0].failure == nil)
        #expect(data.files[0].unknownColumns == [])
        #expect(data.helplineCalls.map(\.calls) == [812, 790])
        #expect(data.helplineCalls.map(\.helpline) == ["119", "119"])
    }

    @Test func withoutTheMappingTheSameFileIsRefusedForItsMissingColumns() throws {
        let data = try DataFolderFixture(["helpline_calls/a.csv": Self.frenchFile]).read()
        #expect(
            data.files[0].failure?.reason
                == .missingColumns(
                    [.named("helpline"), .named("calls")], header: ["date", "ligne d'écoute", "appels reçus"])
        )
    }

    @Test func matchesMappedNamesRegardlessOfCaseSpacesAndUnicodeNormalization() throws {
        // The header spells "é" as "e" followed by a combining acute accent (NFD), the mapping as one character.
        let header = "  DATE ; LIGNE D'E\u{301}COUTE ;APPELS REÇUS\n"
        let data = try DataFolderFixture(["helpline_calls/a.csv": header + "04/05/2020;119;812\n"])
            .read(options: Self.french)
        #expect(data.files[0].failure == nil)
        #expect(data.helplineCalls.map(\.calls) == [812])
    }

    @Test func aMappedNameAbsentFromTheHeaderRefusesTheFileAtItsHeaderLine() throws {
        let data = try DataFolderFixture([
            "helpline_calls/a.csv": "Date;Ligne d'écoute;Appels\n04/05/2020;119;812\n"
        ]).read(options: Self.french)
        let failure = try #require(data.files[0].failure)
        #expect((failure.line, failure.column) == (1, nil))
        #expect(
            failure.reason
                == .missingMappedColumn(
                    name: "Appels reçus", column: "calls", feed: .helplineCalls,
                    header: ["date", "ligne d'écoute", "appels"]))
        #expect((data.files[0].rowsRead, data.files[0].rowsRejected) == (0, 0))
    }

    @Test func aMappedOptionalColumnMustBeInTheHeaderToo() throws {
        var options = Self.french
        options[.helplineCalls]?.columns["answered"] = "Appels décrochés"
        let data = try DataFolderFixture(["helpline_calls/a.csv": Self.frenchFile]).read(options: options)
        #expect(
            data.files[0].failure?.reason
                == .missingMappedColumn(
                    name: "Appels décrochés", column: "answered", feed: .helplineCalls,
                    header: ["date", "ligne d'écoute", "appels reçus"]))
    }

    @Test func aColumnMappedIsNoLongerReadUnderItsOwnName() throws {
        let data = try DataFolderFixture([
            "helpline_calls/a.csv": "Date;Ligne d'écoute;Appels reçus;calls;source\n04/05/2020;119;812;1;x\n"
        ]).read(options: Self.french)
        #expect(data.helplineCalls.map(\.calls) == [812])
        #expect(data.files[0].unknownColumns == ["calls", "source"])
    }

    @Test func aMappedNameGivenTwiceIsRefusedAsAColumnGivenTwice() throws {
        let data = try DataFolderFixture([
            "helpline_calls/a.csv": "Date;Ligne d'écoute;Appels reçus;appels reçus\n04/05/2020;119;812;3\n"
        ]).read(options: Self.french)
        #expect(
            data.files[0].failure?.reason == .duplicateColumn(name: "appels reçus", first: 3, second: 4))
        #expect(data.files[0].failure?.column == 4)
    }

    @Test func theMappingOfOneFeedLeavesTheOthersAsTheyAre() throws {
        let data = try DataFolderFixture([
            "helpline_calls/a.csv": Self.frenchFile,
            "hashtag_videos/a.csv": "date,hashtag,videos\n2020-05-04,#119,12\n",
        ]).read(options: Self.french)
        #expect(data.rowsRejected == 0)
        #expect(data.hashtagVideos.count == 1)
    }

    @Test func aFileReadInPartsGivesTheSameResult() throws {
        var text = "Date;Ligne d'écoute;Appels reçus;Source\n"
        for offset in 0..<300 {
            let date = CivilDate(daysSinceEpoch: 18_383 + offset).components
            text += String(format: "%02d/%02d/%04d", date.day, date.month, date.year) + ";119;\(700 + offset);x\n"
        }
        let fixture = try DataFolderFixture(["helpline_calls/a.csv": text])
        let whole = try fixture.read(options: Self.french, parallelism: .sequential)
        let parts = try fixture.read(
            options: Self.french, parallelism: IngestParallelism(parts: 5, minimumPartSize: 512))
        #expect(whole.helplineCalls.count == 300)
        #expect(whole.files[0].unknownColumns == ["source"])
        #expect(parts == whole)
    }
}

import Foundation
import Ingest
import Testing

@Suite("Skipped entries of feed folders")
struct SkippedFileTests {
    @Test(arguments: [
        ("~$calls.csv", SkippedFile.Reason.officeLockFile), ("~$Rapport.xlsx", .officeLockFile),
        (".DS_Store", .hidden), ("._calls.csv", .hidden), (".~lock.calls.csv#", .hidden), (".hidden", .hidden),
        ("Thumbs.db", .thumbnailCache), ("THUMBS.DB", .thumbnailCache), ("desktop.ini", .folderSettings),
        ("Desktop.ini", .folderSettings), ("_SUCCESS", .jobMarker), (".spark-staging", .hidden),
    ])
    func tellsWhatLeftAnEntryByItsName(name: String, reason: SkippedFile.Reason) {
        #expect(SkippedFile.Reason(name: name) == reason)
    }

    @Test(arguments: [
        "calls.csv", "calls.csv.gz", "notes.txt", "a~$b.csv", "Thumbs.db.bak", "my desktop.ini", "~calls.csv",
        "_success",
        "_SUCCESS.csv", "dt=2021-01-05",
    ])
    func leavesFeedFilesAndOtherFilesToTheReader(name: String) {
        #expect(SkippedFile.Reason(name: name) == nil)
    }

    @Test func theReaderListsLeftoversOnceAndReadsTheRest() throws {
        let data = try DataFolderFixture([
            "helpline_calls/calls.csv": "date,helpline,calls\n2020-05-04,119,700\n",
            "helpline_calls/~$calls.csv": "\u{0B}someone\u{0}\u{0}",
            "helpline_calls/Thumbs.db": "\u{0}",
            "impressions/.DS_Store": "\u{0}",
            "impressions/desktop.ini": "[.ShellClassInfo]\r\n",
        ]).read()
        #expect(data.files.map(\.file) == ["helpline_calls/calls.csv"])
        #expect(data.refusedFiles.isEmpty)
        #expect(data.rowsAccepted == 1)
        #expect(
            data.skippedFiles == [
                SkippedFile(feed: .impressions, file: "impressions/.DS_Store", reason: .hidden),
                SkippedFile(feed: .impressions, file: "impressions/desktop.ini", reason: .folderSettings),
                SkippedFile(feed: .helplineCalls, file: "helpline_calls/Thumbs.db", reason: .thumbnailCache),
                SkippedFile(feed: .helplineCalls, file: "helpline_calls/~$calls.csv", reason: .officeLockFile),
            ])
        #expect(NightVerdict(data: data, lastNight: nil, maxRejectRate: 0, maxFileRejectRate: 0).dataVerdict == .usable)
    }

    @Test func hasStableCodesForTheManifest() {
        #expect(
            SkippedFile.Reason.allCases.map(\.rawValue) == [
                "office_lock_file", "hidden", "thumbnail_cache", "folder_settings", "job_marker", "empty_folder",
            ])
    }
}

import Foundation
import Reporting
import Testing

/// The reports and notebooks folders swapped in as one night (``NightOutputs``): each marked with its night, and a
/// swap a kill left half done completed by whoever opens the folders next.
@Suite("Reports and notebooks swapped in together")
struct NightOutputsTests {
    func temporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("night-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func outputs(_ text: String) -> RunOutputs {
        RunOutputs(
            reports: [OutputFile(path: "summary.md", contents: text)],
            notebooks: [OutputFile(path: "spring.ipynb", contents: "{\"night\": \"\(text)\"}\n")])
    }

    func read(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }

    @Test func marksBothFoldersWithTheSameNightAndLeavesNoJournal() throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        try outputs("tonight\n").write(reportsPath: parent + "/reports", notebooksPath: parent + "/notebooks")
        let reports = try #require(NightMark.read(inFolder: parent + "/reports"))
        let notebooks = try #require(NightMark.read(inFolder: parent + "/notebooks"))
        #expect(reports.night == notebooks.night)
        #expect(reports.folder == "reports")
        #expect(notebooks.folder == "notebooks")
        #expect(
            reports.night
                == NightMark.night(reports: outputs("tonight\n").reports, notebooks: outputs("tonight\n").notebooks))
        #expect(
            reports.night
                != NightMark.night(reports: outputs("other\n").reports, notebooks: outputs("other\n").notebooks))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: parent).sorted() == [
                "notebooks", "notebooks.lock", "reports", "reports.lock",
            ])
    }

    /// The state a kill between the two swaps leaves: tonight's reports in place and last night's aside, last
    /// night's notebooks in place and tonight's staged, the journal naming them. Opening the folders completes the
    /// swap: both are tonight's and nothing is left aside.
    @Test func completesASwapAKillLeftHalfDone() throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let (reports, notebooks) = (parent + "/reports", parent + "/notebooks")
        try outputs("tonight\n").write(
            reportsPath: parent + "/tonight/reports", notebooksPath: parent + "/tonight/notebooks")
        try outputs("last night\n").write(reportsPath: reports, notebooksPath: notebooks)
        let manager = FileManager.default
        try manager.moveItem(atPath: reports, toPath: parent + "/.reports.old-99999")
        try manager.moveItem(atPath: parent + "/tonight/reports", toPath: reports)
        try manager.moveItem(atPath: parent + "/tonight/notebooks", toPath: parent + "/.notebooks.tmp-99999")
        let journal = """
            {"night": "n", "steps": [
              {"target": "\(reports)", "staged": "\(parent)/.reports.tmp-99999", "aside": "\(parent)/.reports.old-99999"},
              {"target": "\(notebooks)", "staged": "\(parent)/.notebooks.tmp-99999", "aside": "\(parent)/.notebooks.old-99999"}
            ]}
            """
        try Data(journal.utf8).write(to: URL(fileURLWithPath: parent + "/.reports.swap"))
        #expect(NightMark.read(inFolder: reports)?.night != NightMark.read(inFolder: notebooks)?.night)

        let opened = try NightOutputs(reports: reports, notebooks: notebooks, diagnostics: reports + ".failed")
        opened.release()
        #expect(read(reports + "/summary.md") == "tonight\n")
        #expect(read(notebooks + "/spring.ipynb") == "{\"night\": \"tonight\n\"}\n")
        #expect(NightMark.read(inFolder: reports)?.night == NightMark.read(inFolder: notebooks)?.night)
        #expect(
            try manager.contentsOfDirectory(atPath: parent).sorted() == [
                "notebooks", "notebooks.lock", "reports", "reports.lock", "tonight",
            ])
    }

    @Test func refusesASecondRunWhileTheFirstHoldsEitherFolder() throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let first = try NightOutputs(
            reports: parent + "/reports", notebooks: parent + "/notebooks", diagnostics: parent + "/reports.failed")
        defer { first.release() }
        #expect(throws: OutputFolderError.locked(folder: parent + "/notebooks", lockFile: parent + "/notebooks.lock")) {
            try NightOutputs(
                reports: parent + "/other", notebooks: parent + "/notebooks", diagnostics: parent + "/other.failed")
        }
    }

    @Test func aWriteThatFailsLeavesBothFoldersAndNoJournal() throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        try outputs("last night\n").write(reportsPath: parent + "/reports", notebooksPath: parent + "/notebooks")
        let failing = RunOutputs(
            reports: [OutputFile(path: "summary.md", contents: "tonight\n")],
            notebooks: [OutputFile(path: "../escape.ipynb", contents: "{}\n")])
        #expect(throws: OutputFolderError.self) {
            try failing.write(reportsPath: parent + "/reports", notebooksPath: parent + "/notebooks")
        }
        #expect(read(parent + "/reports/summary.md") == "last night\n")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: parent).sorted() == [
                "notebooks", "notebooks.lock", "reports", "reports.lock",
            ])
    }
}

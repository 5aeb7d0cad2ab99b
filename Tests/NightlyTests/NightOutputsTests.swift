import Foundation
import Reporting
import Testing

@testable import Nightly

/// The reports and notebooks folders swapped in as one night (``NightOutputs``, ``NightStore``): both are links
/// into one store of nights, flipped by one rename of its `current` link, so that every state a kill can leave
/// shows one night's pair.
@Suite("Reports and notebooks swapped in together")
struct NightOutputsTests {
    func temporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("night-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return OutputPlan.realPath(path) ?? path
    }

    func outputs(_ text: String) -> RunOutputs {
        RunOutputs(
            reports: [OutputFile(path: "summary.md", contents: text)],
            notebooks: [OutputFile(path: "spring.ipynb", contents: "{\"night\": \"\(text)\"}\n")])
    }

    func night(_ text: String) -> String {
        NightMark.night(reports: outputs(text).reports, notebooks: outputs(text).notebooks)
    }

    func read(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }

    func entries(_ path: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }

    /// The night both folders of `parent` show, or nil when their marks differ or are missing.
    func shownNight(_ parent: String) -> String? {
        guard let reports = NightMark.read(inFolder: parent + "/reports"),
            let notebooks = NightMark.read(inFolder: parent + "/notebooks"), reports.night == notebooks.night
        else { return nil }
        return reports.night
    }

    @Test func writesBothFoldersAsLinksIntoOneNightMarkedAlike() throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        try outputs("tonight\n").write(reportsPath: parent + "/reports", notebooksPath: parent + "/notebooks")
        let manager = FileManager.default
        #expect(try manager.destinationOfSymbolicLink(atPath: parent + "/reports") == ".reports.nights/current/reports")
        #expect(
            try manager.destinationOfSymbolicLink(atPath: parent + "/notebooks") == ".reports.nights/current/notebooks")
        #expect(shownNight(parent) == night("tonight\n"))
        #expect(NightMark.read(inFolder: parent + "/reports")?.folder == "reports")
        #expect(NightMark.read(inFolder: parent + "/notebooks")?.folder == "notebooks")
        #expect(night("tonight\n") != night("other\n"))
        #expect(read(parent + "/reports/summary.md") == "tonight\n")
        #expect(try entries(parent) == [".reports.nights", "notebooks", "notebooks.lock", "reports", "reports.lock"])
        let current = try manager.destinationOfSymbolicLink(atPath: parent + "/.reports.nights/current")
        #expect(try entries(parent + "/.reports.nights") == ["current", current])
        #expect(try entries(parent + "/.reports.nights/" + current) == ["notebooks", "reports"])
    }

    @Test func linksANotebooksFolderElsewhereByARelativePath() throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        try outputs("tonight\n").write(
            reportsPath: parent + "/out/reports", notebooksPath: parent + "/shared/notebooks")
        #expect(
            try FileManager.default.destinationOfSymbolicLink(atPath: parent + "/shared/notebooks")
                == "../out/.reports.nights/current/notebooks")
        #expect(read(parent + "/shared/notebooks/spring.ipynb") == "{\"night\": \"tonight\n\"}\n")
    }

    @Test func aSecondNightFlipsBothFoldersAndDeletesTheFirst() throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        try outputs("last night\n").write(reportsPath: parent + "/reports", notebooksPath: parent + "/notebooks")
        try outputs("tonight\n").write(reportsPath: parent + "/reports", notebooksPath: parent + "/notebooks")
        #expect(read(parent + "/reports/summary.md") == "tonight\n")
        #expect(shownNight(parent) == night("tonight\n"))
        #expect(try entries(parent + "/.reports.nights").count == 2)
    }

    /// A kill just before the flip: tonight's night is complete in the store, `current` still names last night's.
    /// The folders show last night's pair, and the next run deletes tonight's unused night.
    @Test func aNightNeverFlippedToLeavesLastNightsPairAndIsDeletedByTheNextRun() throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        try outputs("last night\n").write(reportsPath: parent + "/reports", notebooksPath: parent + "/notebooks")
        let store = NightStore(reports: parent + "/reports", notebooks: parent + "/notebooks")
        _ = try store.writeNight(outputs("tonight\n"), night: night("tonight\n"), pid: 99999)
        #expect(read(parent + "/reports/summary.md") == "last night\n")
        #expect(shownNight(parent) == night("last night\n"))
        #expect(try entries(store.root).count == 3)

        let plan = try OutputPlan(
            dataPath: parent + "/data", reportsPath: parent + "/reports", notebooksPath: parent + "/notebooks",
            workingDirectory: parent)
        try plan.removeStaleNights()
        #expect(try entries(store.root).count == 2)
        #expect(shownNight(parent) == night("last night\n"))
    }

    /// A kill just after the flip: last night's night is still in the store, both folders show tonight's pair.
    @Test func aKillJustAfterTheFlipLeavesTonightsPair() throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        try outputs("last night\n").write(reportsPath: parent + "/reports", notebooksPath: parent + "/notebooks")
        let store = NightStore(reports: parent + "/reports", notebooks: parent + "/notebooks")
        let name = try store.writeNight(outputs("tonight\n"), night: night("tonight\n"), pid: 99999)
        try store.flip(to: name, pid: 99999)
        #expect(read(parent + "/notebooks/spring.ipynb") == "{\"night\": \"tonight\n\"}\n")
        #expect(shownNight(parent) == night("tonight\n"))
        #expect(try entries(store.root).count == 3)
        store.removeStaleEntries()
        #expect(try entries(store.root) == ["current", name])
    }

    /// Plain folders an earlier version wrote: the next run adopts them as links and flips them to tonight's,
    /// leaving nothing beside them.
    @Test func adoptsPlainFoldersOfAnEarlierVersionAsLinks() throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        try plainFolders(parent, "last night\n")
        try outputs("tonight\n").write(reportsPath: parent + "/reports", notebooksPath: parent + "/notebooks")
        #expect(shownNight(parent) == night("tonight\n"))
        #expect(try entries(parent) == [".reports.nights", "notebooks", "notebooks.lock", "reports", "reports.lock"])
        #expect(try entries(parent + "/.reports.nights").count == 2)
    }

    /// The adoption alone changes nothing the folders show; stopped between its two folders (the reports a link,
    /// the notebooks still a folder), both still show last night's pair, and the next run completes it.
    @Test func anAdoptionStoppedHalfwayStillShowsLastNightsPair() throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        try plainFolders(parent, "last night\n")
        let store = NightStore(reports: parent + "/reports", notebooks: parent + "/notebooks")
        try store.create()
        try store.link(pid: 99999)
        #expect(shownNight(parent) == night("last night\n"))
        #expect(read(parent + "/reports/summary.md") == "last night\n")

        // The state between the two exchanges: the notebooks folder back as the plain folder it was.
        try FileManager.default.removeItem(atPath: parent + "/notebooks")
        try FileManager.default.copyItem(
            atPath: parent + "/.reports.nights/current/notebooks", toPath: parent + "/notebooks")
        #expect(shownNight(parent) == night("last night\n"))
        try outputs("tonight\n").write(reportsPath: parent + "/reports", notebooksPath: parent + "/notebooks")
        #expect(shownNight(parent) == night("tonight\n"))
        #expect(try entries(parent) == [".reports.nights", "notebooks", "notebooks.lock", "reports", "reports.lock"])
    }

    /// Writes `text`'s pair as plain folders with their marks, as an earlier version left them.
    func plainFolders(_ parent: String, _ text: String) throws {
        for (folder, files, role) in [
            ("reports", outputs(text).reports, OutputRole.reports), ("notebooks", outputs(text).notebooks, .notebooks),
        ] {
            try FileManager.default.createDirectory(atPath: parent + "/" + folder, withIntermediateDirectories: true)
            for file in files + [
                OutputFile(path: NightMark.fileName, contents: NightMark(role: role, night: night(text)).json)
            ] {
                try Data(file.contents.utf8).write(to: URL(fileURLWithPath: parent + "/" + folder + "/" + file.path))
            }
        }
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

    @Test func aWriteThatFailsLeavesBothFoldersAndNothingInTheStore() throws {
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
        #expect(shownNight(parent) == night("last night\n"))
        #expect(try entries(parent) == [".reports.nights", "notebooks", "notebooks.lock", "reports", "reports.lock"])
        #expect(try entries(parent + "/.reports.nights").count == 2)
    }
}

import Foundation
import Nightly
import Reporting
import Testing

/// The checks `awareness run` makes on its output folders before reading anything (``OutputPlan``), and the rule
/// that decides whether an existing folder is a run's own (``OutputOwnership``).
@Suite("Output folders a run may replace")
struct OutputPlanTests {
    /// A fresh folder with an empty `data` folder in it, removed by the caller.
    func workspace() throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/data", withIntermediateDirectories: true)
        return root
    }

    func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    func plan(
        _ root: String, out: String = "reports", notebooks: String = "notebooks"
    ) throws(OutputRefusal)
        -> OutputPlan
    {
        try OutputPlan(dataPath: "data", reportsPath: out, notebooksPath: notebooks, workingDirectory: root)
    }

    // MARK: - Ownership

    @Test func anAbsentOrEmptyFolderHasNoForeignEntries() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(OutputOwnership.foreignEntries(in: root + "/absent", role: .reports).isEmpty)
        try FileManager.default.createDirectory(atPath: root + "/empty", withIntermediateDirectories: false)
        try write("", to: root + "/empty/.DS_Store")
        #expect(OutputOwnership.foreignEntries(in: root + "/empty", role: .reports).isEmpty)
    }

    @Test func aReportsFolderWithItsManifestIsARunsOwn() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try write("{\"tool_version\" : \"awareness 0.1.0\"}\n", to: root + "/reports/run-manifest.json")
        try write("# Summary\n", to: root + "/reports/summary.md")
        try write("<svg/>", to: root + "/reports/charts/spring-calls-119.svg")
        #expect(OutputOwnership.foreignEntries(in: root + "/reports", role: .reports).isEmpty)
    }

    @Test func aManifestOfAnotherToolProvesNothing() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try write("{\"tool_version\" : \"awareness-ng 2\"}\n", to: root + "/reports/run-manifest.json")
        try write("# Summary\n", to: root + "/reports/summary.md")
        #expect(
            OutputOwnership.foreignEntries(in: root + "/reports", role: .reports) == [
                "run-manifest.json", "summary.md",
            ])
    }

    @Test func namesTheEntriesARunDoesNotWriteEvenBesideItsOwn() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try write(NightMark(role: .reports, night: "n").json, to: root + "/reports/awareness-night.json")
        try write("x", to: root + "/reports/thesis.txt")
        try write("x", to: root + "/reports/charts/photo.png")
        try FileManager.default.createDirectory(atPath: root + "/reports/.git", withIntermediateDirectories: false)
        #expect(
            OutputOwnership.foreignEntries(in: root + "/reports", role: .reports) == [
                ".git", "charts/photo.png", "thesis.txt",
            ])
    }

    @Test func aMarkForAnotherRoleDoesNotMakeTheFolderOurs() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try write(NightMark(role: .reports, night: "n").json, to: root + "/notebooks/awareness-night.json")
        try write("{\"cells\": []}", to: root + "/notebooks/spring.ipynb")
        #expect(
            OutputOwnership.foreignEntries(in: root + "/notebooks", role: .notebooks) == [
                "awareness-night.json", "spring.ipynb",
            ])
    }

    @Test func adoptsExportedNotebooksWithoutAMarkButNotOthers() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try write(ReportWording(language: .fr).notebooksReadme, to: root + "/notebooks/README.md")
        try write("REPORTS = os.environ.get(\"AWARENESS_REPORTS\")", to: root + "/notebooks/spring.ipynb")
        try FileManager.default.createDirectory(
            atPath: root + "/notebooks/.ipynb_checkpoints", withIntermediateDirectories: false)
        #expect(OutputOwnership.foreignEntries(in: root + "/notebooks", role: .notebooks).isEmpty)
        try write("{\"cells\": []}", to: root + "/notebooks/mine.ipynb")
        try write("my notes", to: root + "/notebooks/README.md")
        #expect(
            OutputOwnership.foreignEntries(in: root + "/notebooks", role: .notebooks) == ["README.md", "mine.ipynb"])
    }

    // MARK: - Paths

    @Test func acceptsNewFoldersBesideTheData() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let checked = try plan(root, out: "out/reports", notebooks: "./notebooks/")
        let resolved = try #require(
            realpath(root, nil).map { pointer in
                defer { free(pointer) }
                return String(cString: pointer)
            })
        #expect(checked.reports == resolved + "/out/reports")
        #expect(checked.notebooks == resolved + "/notebooks")
        #expect(checked.diagnostics == resolved + "/out/reports.failed")
    }

    @Test func refusesTheRootTheWorkingFolderAndItsParents() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(throws: OutputRefusal.noFolderName(folder: "/", role: .reports)) { try plan(root, out: "/") }
        for out in [".", "./", "..", root + "/", root + "/data/.."] {
            #expect(throws: OutputRefusal.holdsWorkingDirectory(folder: out, role: .reports)) {
                try plan(root, out: out)
            }
        }
    }

    @Test func refusesFoldersOverlappingTheData() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(throws: OutputRefusal.overlapsData(folder: "data/", role: .notebooks, data: "data", overlap: .same)) {
            try plan(root, notebooks: "data/")
        }
        #expect(
            throws: OutputRefusal.overlapsData(folder: "data/x", role: .reports, data: "data", overlap: .inside)
        ) { try plan(root, out: "data/x") }
        let inner = try OutputPlanTests.nestedData(root)
        #expect(
            throws: OutputRefusal.overlapsData(folder: "box", role: .reports, data: "box/data", overlap: .contains)
        ) {
            try OutputPlan(dataPath: inner, reportsPath: "box", notebooksPath: "notebooks", workingDirectory: root)
        }
    }

    /// A data folder at `box/data` under `root`; returns its relative path.
    static func nestedData(_ root: String) throws -> String {
        try FileManager.default.createDirectory(atPath: root + "/box/data", withIntermediateDirectories: true)
        return "box/data"
    }

    @Test func refusesEqualAndNestedOutputFolders() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(throws: OutputRefusal.sameFolder(folder: "out/../reports")) {
            try plan(root, notebooks: "out/../reports")
        }
        #expect(
            throws: OutputRefusal.nested(
                inner: "reports/nb", innerRole: .notebooks, outer: "reports", outerRole: .reports)
        ) { try plan(root, notebooks: "reports/nb") }
        #expect(
            throws: OutputRefusal.nested(
                inner: "reports.failed", innerRole: .notebooks, outer: "reports.failed", outerRole: .diagnostics)
        ) { try plan(root, notebooks: "reports.failed") }
    }

    @Test func refusesALinkedFolderButFollowsLinksAboveIt() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/real", withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: root + "/link", withDestinationPath: "real")
        #expect(throws: OutputRefusal.symbolicLink(folder: "link", role: .reports, target: "real")) {
            try plan(root, out: "link")
        }
        let checked = try plan(root, out: "link/reports")
        #expect(checked.reports.hasSuffix("/real/reports"))
    }

    // MARK: - The links into the store of nights

    /// A written pair: both folders are links into the store; the next run's plan accepts them as its own.
    func lastNight(_ root: String) throws {
        let outputs = RunOutputs(
            reports: [OutputFile(path: "summary.md", contents: "last night\n")],
            notebooks: [OutputFile(path: "spring.ipynb", contents: "{}\n")])
        try outputs.write(reportsPath: root + "/reports", notebooksPath: root + "/notebooks")
    }

    @Test func acceptsItsOwnLinksIntoTheStoreOfNights() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try lastNight(root)
        let checked = try plan(root)
        #expect(checked.reports.hasSuffix("/reports"))
        #expect(NightStore.linkedFolder(root + "/reports", role: .reports) != nil)
        #expect(NightStore.linkedFolder(root + "/reports", role: .notebooks) == nil)
    }

    @Test func refusesItsOwnLinkOnceAUsersFileIsInWhatItLeadsTo() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try lastNight(root)
        try write("mine\n", to: root + "/notebooks/notes.txt")
        #expect(
            throws: OutputRefusal.notOurs(folder: "notebooks", role: .notebooks, foreign: ["notes.txt"], count: 1)
        ) { try plan(root) }
    }

    @Test func refusesALinkShapedLikeOursThatLeadsToAFile() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try write("x\n", to: root + "/.mine.nights/current/reports")
        try FileManager.default.createSymbolicLink(
            atPath: root + "/reports", withDestinationPath: ".mine.nights/current/reports")
        #expect(
            throws: OutputRefusal.symbolicLink(
                folder: "reports", role: .reports, target: ".mine.nights/current/reports")
        ) { try plan(root) }
    }

    @Test func refusesAStoreOfNightsHoldingEntriesNoRunMade() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try lastNight(root)
        try write("mine\n", to: root + "/.reports.nights/thesis.txt")
        #expect(
            throws: OutputRefusal.nightStoreNotOurs(folder: ".reports.nights", foreign: ["thesis.txt"], count: 1)
        ) { try plan(root) }
        try FileManager.default.removeItem(atPath: root + "/.reports.nights")
        try write("mine\n", to: root + "/.reports.nights")
        #expect(throws: OutputRefusal.nightStoreNotOurs(folder: ".reports.nights", foreign: [], count: 0)) {
            try plan(root)
        }
    }

    @Test func refusesNotebooksReachedThroughTheReportsLink() throws {
        let root = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try lastNight(root)
        #expect(
            throws: OutputRefusal.nested(
                inner: "reports/nb", innerRole: .notebooks, outer: "reports", outerRole: .reports)
        ) { try plan(root, notebooks: "reports/nb") }
        #expect(
            throws: OutputRefusal.nested(
                inner: ".reports.nights/nb", innerRole: .notebooks, outer: "reports", outerRole: .reports)
        ) { try plan(root, notebooks: ".reports.nights/nb") }
    }
}

import Foundation
import Testing

/// `awareness run` replaces only folders that are absent, empty or its own, and never the data, the working folder,
/// a link's target or one output folder inside the other: each refusal exits with 2 before anything is read or
/// written, and the data, the user's files and last night's outputs are left byte for byte.
@Suite("awareness run refuses output folders it did not write")
struct OutputRefusalCommandTests {
    /// A project folder: `data` (a copy of the good fixture), last night's `reports` and `Notebooks-export`, and a
    /// user's `mydocs/thesis.txt`.
    func project() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("refusal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: CommandRunner.fixtures.appendingPathComponent("good"), to: folder.appendingPathComponent("data"))
        let mydocs = folder.appendingPathComponent("mydocs")
        try FileManager.default.createDirectory(at: mydocs, withIntermediateDirectories: true)
        try Data("my thesis\n".utf8).write(to: mydocs.appendingPathComponent("thesis.txt"))
        let lastNight = try CommandRunner.run(
            ["run", "--data", "data", "--out", "reports", "--notebooks", "Notebooks-export"], in: folder)
        #expect(lastNight.status == 0, "\(lastNight.stderr)")
        return folder
    }

    /// Every entry under `folder` (links not followed) with its bytes, or its link target, or nil for a folder.
    func snapshot(_ folder: URL) -> [String: Data?] {
        var entries: [String: Data?] = [:]
        let root = folder.path
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let path = enumerator?.nextObject() as? String {
            let full = root + "/" + path
            if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: full) {
                entries[path] = Data(("link:" + target).utf8)
            } else {
                entries[path] = FileManager.default.contents(atPath: full)
            }
        }
        return entries
    }

    /// Runs `awareness run` with `arguments` in `folder` (default `project()`'s root) and checks the refusal:
    /// status 2, standard error exactly `message` after `error: `, and nothing under the project changed.
    func expectRefusal(
        _ arguments: [String], in directory: URL? = nil, project folder: URL, message: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let before = snapshot(folder)
        let result = try CommandRunner.run(["run"] + arguments, in: directory ?? folder)
        #expect(result.status == 2, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr == "error: " + message + "\n", sourceLocation: sourceLocation)
        #expect(result.stdout == "", sourceLocation: sourceLocation)
        let after = snapshot(folder)
        #expect(after.keys.sorted() == before.keys.sorted(), "entries changed", sourceLocation: sourceLocation)
        for (path, bytes) in before where after[path] != bytes {
            Issue.record("\(path) changed", sourceLocation: sourceLocation)
        }
    }

    static let nothingDone = "nothing was read or written"

    @Test func refusesAFolderHoldingAUsersFileAndLeavesItIntact() throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(at: folder) }
        try expectRefusal(
            ["--data", "data", "--out", "mydocs"], project: folder,
            message: "mydocs: --out holds 1 entry that no awareness run wrote: thesis.txt; a run replaces only a "
                + "folder that is absent, empty or its own, so choose a new or empty folder, or move those entries "
                + "away; \(Self.nothingDone)")
    }

    @Test func namesAtMostFiveForeignEntriesAndCountsTheRest() throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["a.txt", "b.txt", "c.txt", "d.txt", "e.txt", "f.txt"] {
            try Data("x".utf8).write(to: folder.appendingPathComponent("mydocs/" + name))
        }
        try expectRefusal(
            ["--data", "data", "--notebooks", "mydocs"], project: folder,
            message: "mydocs: --notebooks holds 7 entries that no awareness run wrote: a.txt, b.txt, c.txt, d.txt, "
                + "e.txt, and 2 more; a run replaces only a folder that is absent, empty or its own, so choose a new "
                + "or empty folder, or move those entries away; \(Self.nothingDone)")
    }

    @Test func refusesAUsersFileDroppedIntoLastNightsReports() throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("notes\n".utf8).write(to: folder.appendingPathComponent("reports/charts/notes.txt"))
        try expectRefusal(
            ["--data", "data", "--out", "reports"], project: folder,
            message: "reports: --out holds 1 entry that no awareness run wrote: charts/notes.txt; a run replaces only "
                + "a folder that is absent, empty or its own, so choose a new or empty folder, or move those entries "
                + "away; \(Self.nothingDone)")
    }

    @Test func refusesTheDataFolderAsOutput() throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(at: folder) }
        try expectRefusal(
            ["--data", "data", "--out", "data"], project: folder,
            message: "data: --out is the data folder, and a run replaces its output folders whole; choose a folder "
                + "outside the data; \(Self.nothingDone)")
    }

    @Test func refusesAnOutputFolderInsideTheData() throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(at: folder) }
        try expectRefusal(
            ["--data", "data", "--out", "data/reports"], project: folder,
            message: "data/reports: --out is inside the data folder data, and a run replaces its output folders "
                + "whole; choose a folder outside the data; \(Self.nothingDone)")
    }

    @Test func refusesANotebooksFolderThatHoldsTheData() throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inner = folder.appendingPathComponent("inner")
        try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: folder.appendingPathComponent("data"), to: inner.appendingPathComponent("data"))
        try expectRefusal(
            ["--data", "inner/data", "--notebooks", "inner"], project: folder,
            message: "inner: --notebooks holds the data folder inner/data, and a run replaces its output folders "
                + "whole; choose a folder outside the data; \(Self.nothingDone)")
    }

    @Test(arguments: [".", "./", "..", "../"])
    func refusesTheCurrentFolderOrItsParentWithoutACrash(out: String) throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inside = folder.appendingPathComponent("mydocs")
        try expectRefusal(
            ["--data", "../data", "--out", out, "--notebooks", "../Notebooks-export"], in: inside, project: folder,
            message: "\(out): --out is the current folder or one of its parents, and a run replaces its output "
                + "folders whole; choose a folder of its own (the default is reports); \(Self.nothingDone)")
    }

    @Test func refusesTheCurrentFolderGivenAsAnAbsolutePathWithASlash() throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(at: folder) }
        let absolute = folder.path + "/"
        try expectRefusal(
            ["--data", "data", "--out", absolute], project: folder,
            message: "\(absolute): --out is the current folder or one of its parents, and a run replaces its output "
                + "folders whole; choose a folder of its own (the default is reports); \(Self.nothingDone)")
    }

    @Test func refusesASymbolicLinkAndLeavesItsTargetIntact() throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("linked").path, withDestinationPath: "mydocs")
        try expectRefusal(
            ["--data", "data", "--out", "linked"], project: folder,
            message: "linked: --out is a symbolic link (to mydocs); a run replaces its output folders whole and never "
                + "empties a link's target; give the target's path, or remove the link; \(Self.nothingDone)")
    }

    @Test func refusesAStoreOfNightsHoldingAUsersFile() throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("x\n".utf8).write(to: folder.appendingPathComponent(".reports.nights/thesis.txt"))
        try expectRefusal(
            ["--data", "data"], project: folder,
            message: ".reports.nights: the store of nights of --out (where a run keeps the folders --out and "
                + "--notebooks link to) holds 1 entry that no awareness run made: thesis.txt; move those entries "
                + "away; \(Self.nothingDone)")
    }

    @Test func refusesNotebooksInsideTheReports() throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(at: folder) }
        try expectRefusal(
            ["--data", "data", "--out", "reports", "--notebooks", "reports/notebooks"], project: folder,
            message: "reports: --out holds --notebooks reports/notebooks, and replacing the one would delete the "
                + "other; give them folders side by side; \(Self.nothingDone)")
    }

    @Test func refusesReportsInsideTheNotebooks() throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(at: folder) }
        try expectRefusal(
            ["--data", "data", "--out", "Notebooks-export/reports", "--notebooks", "Notebooks-export"],
            project: folder,
            message: "Notebooks-export: --notebooks holds --out Notebooks-export/reports, and replacing the one would "
                + "delete the other; give them folders side by side; \(Self.nothingDone)")
    }

    @Test func refusesTheSameFolderForReportsAndNotebooks() throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(at: folder) }
        try expectRefusal(
            ["--data", "data", "--out", "reports", "--notebooks", "./reports/"], project: folder,
            message: "./reports/: --out and --notebooks are the same folder, and each run replaces both; give them "
                + "different folders; \(Self.nothingDone)")
    }

    @Test func refusesAFileWhereTheReportsFolderShouldBe() throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(at: folder) }
        try expectRefusal(
            ["--data", "data", "--out", "mydocs/thesis.txt"], project: folder,
            message: "mydocs/thesis.txt: --out names something that is not a folder; choose a new or empty folder; "
                + "\(Self.nothingDone)")
    }

    /// Notebooks folders exported before runs marked their folders: only notebooks that read `AWARENESS_REPORTS`
    /// and the README a run writes are adopted; the next run marks the folder.
    @Test func adoptsANotebooksFolderExportedBeforeTheMarkButNotAUsersNotebooks() throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(at: folder) }
        let notebooks = folder.appendingPathComponent("Notebooks-export")
        try FileManager.default.removeItem(at: notebooks.appendingPathComponent("awareness-night.json"))
        let adopted = try CommandRunner.run(["run", "--data", "data"], in: folder)
        #expect(adopted.status == 0, "\(adopted.stderr)")
        #expect(FileManager.default.fileExists(atPath: notebooks.appendingPathComponent("awareness-night.json").path))

        try FileManager.default.removeItem(at: notebooks.appendingPathComponent("awareness-night.json"))
        try Data("{\"cells\": []}\n".utf8).write(to: notebooks.appendingPathComponent("my-analysis.ipynb"))
        try expectRefusal(
            ["--data", "data"], project: folder,
            message: "Notebooks-export: --notebooks holds 1 entry that no awareness run wrote: my-analysis.ipynb; "
                + "a run replaces only a folder that is absent, empty or its "
                + "own, so choose a new or empty folder, or move those entries away; \(Self.nothingDone)")
    }

    /// A night with bad data whose `--out` parent does not exist: the parent is made, as for the outputs, and the
    /// diagnostics are written there; the status is 1, with a word on standard error.
    @Test func aFailedNightMakesTheMissingParentOfItsDiagnostics() throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(
            at: CommandRunner.fixtures.appendingPathComponent("bad"), to: folder.appendingPathComponent("bad"))
        let result = try CommandRunner.run(
            ["run", "--data", "bad", "--out", "new/nightly/reports", "--notebooks", "new/nightly/notebooks"],
            in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("tonight's diagnostics written to new/nightly/reports.failed"))
        let diagnostics = folder.appendingPathComponent("new/nightly/reports.failed")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: diagnostics.path).sorted() == [
                "failed-night.md", "rejects.csv", "run-manifest.json",
            ])
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("new/nightly/reports").path))
    }
}

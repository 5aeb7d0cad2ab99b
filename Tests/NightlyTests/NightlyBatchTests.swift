import Foundation
import Ingest
import Nightly
import Reporting
import Testing

/// The nightly batch called as a library: the stages it reports, the outcome it returns, what it leaves on disk.
@Suite("Nightly batch as a library call")
struct NightlyBatchTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("AwarenessTests/Fixtures")

    private static func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "nightly-batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    private static func stageNames(_ stages: [NightlyBatch.Stage]) -> [String] {
        stages.map { stage in
            switch stage {
            case .read: "read"
            case .checkedCalendar: "checkedCalendar"
            case .estimated: "estimated"
            case .wrote: "wrote"
            }
        }
    }

    @Test func aGoodNightWritesTheOutputsAndReportsEachStage() throws {
        let out = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: out) }
        let batch = NightlyBatch(
            dataPath: Self.fixtures.appendingPathComponent("good").path,
            reportsPath: out.appendingPathComponent("reports").path,
            notebooksPath: out.appendingPathComponent("notebooks").path, maxRejectRate: 0.01)
        var stages: [NightlyBatch.Stage] = []
        let outcome = try batch.run { stages.append($0) }
        #expect(Self.stageNames(stages) == ["read", "checkedCalendar", "estimated", "wrote"])
        if case .read(let folder, _) = stages.first { #expect(folder.data.rowsRejected == 0) }
        #expect(outcome.verdict == .usable)
        #expect(outcome.disposition == .written)
        #expect(outcome.refusedFiles == 0)
        for file in ["summary.md", "run-manifest.json", "uplift.csv", "rejects.csv"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("reports/\(file)").path))
        }
    }

    @Test func theManifestDigestsTheCalendarBytesIngestParsed() throws {
        let out = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: out) }
        let data = Self.fixtures.appendingPathComponent("good")
        let batch = NightlyBatch(
            dataPath: data.path, reportsPath: out.appendingPathComponent("reports").path,
            notebooksPath: out.appendingPathComponent("notebooks").path, maxRejectRate: 0.01)
        var read: DataFolder?
        _ = try batch.run { stage in
            if case .read(let folder, _) = stage { read = folder }
        }
        let bytes = try Data(contentsOf: data.appendingPathComponent("campaigns.yaml"))
        let digest = SHA256Digest.hex(of: bytes)
        #expect(read?.calendarSHA256 == digest)
        let manifest = try String(
            contentsOf: out.appendingPathComponent("reports/run-manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"config_sha256\" : \"\(digest)\""))
    }

    @Test func aBadNightKeepsLastNightsOutputsAndSaysWhereTheDiagnosticsAre() throws {
        let out = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: out) }
        let reports = out.appendingPathComponent("reports")
        // Last night's outputs, written as a run writes them (with their night mark): a folder no run wrote is refused.
        try RunOutputs(reports: [OutputFile(path: "summary.md", contents: "last night\n")], notebooks: []).write(
            reportsPath: reports.path, notebooksPath: out.appendingPathComponent("notebooks").path)
        let batch = NightlyBatch(
            dataPath: Self.fixtures.appendingPathComponent("bad").path, reportsPath: reports.path,
            notebooksPath: out.appendingPathComponent("notebooks").path, maxRejectRate: 0.01)
        var stages: [NightlyBatch.Stage] = []
        let outcome = try batch.run { stages.append($0) }
        #expect(Self.stageNames(stages) == ["read", "checkedCalendar", "estimated"])
        #expect(outcome.verdict == .problems)
        #expect(outcome.disposition == .keptLastNight(diagnosticsPath: reports.path + ".failed"))
        #expect(outcome.rejectRate > 0.01)
        #expect(try String(contentsOf: reports.appendingPathComponent("summary.md"), encoding: .utf8) == "last night\n")
        for file in ["failed-night.md", "rejects.csv", "run-manifest.json"] {
            #expect(FileManager.default.fileExists(atPath: reports.path + ".failed/" + file))
        }
    }

    @Test func aFolderNoRunWroteIsRefusedBeforeTheDataIsRead() throws {
        let out = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: out) }
        let reports = out.appendingPathComponent("reports")
        try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
        try "my notes\n".write(to: reports.appendingPathComponent("summary.md"), atomically: true, encoding: .utf8)
        let batch = NightlyBatch(
            dataPath: Self.fixtures.appendingPathComponent("good").path, reportsPath: reports.path,
            notebooksPath: out.appendingPathComponent("notebooks").path, maxRejectRate: 0.01)
        var stages: [NightlyBatch.Stage] = []
        #expect {
            _ = try batch.run { stages.append($0) }
        } throws: { error in
            guard case .refused(let refusal) = error as? NightlyBatch.Failure else { return false }
            return refusal == .notOurs(folder: reports.path, role: .reports, foreign: ["summary.md"], count: 1)
        }
        #expect(stages.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["reports"])
    }

    /// Last night read the good fixture; tonight its copy has lost its helpline feed folder. The outcome carries
    /// the verdict's reason, and last night's outputs and manifest stay.
    @Test func aNightWhoseFeedVanishedKeepsLastNightsOutputsWithTheReason() throws {
        let out = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: out) }
        let data = out.appendingPathComponent("data")
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("good"), to: data)
        let reports = out.appendingPathComponent("reports")
        let batch = NightlyBatch(
            dataPath: data.path, reportsPath: reports.path, notebooksPath: out.appendingPathComponent("notebooks").path,
            maxRejectRate: 0.01)
        #expect(try batch.run().disposition == .written)
        let manifest = try Data(contentsOf: reports.appendingPathComponent("run-manifest.json"))
        try FileManager.default.removeItem(at: data.appendingPathComponent("helpline_calls"))
        let outcome = try batch.run()
        #expect(outcome.verdict == .problems)
        #expect(outcome.nightVerdict.reasons == [.feedVanished(feed: .helplineCalls, lastNightRows: 5)])
        #expect(outcome.disposition == .keptLastNight(diagnosticsPath: reports.path + ".failed"))
        #expect(try Data(contentsOf: reports.appendingPathComponent("run-manifest.json")) == manifest)
        let note = try String(contentsOfFile: reports.path + ".failed/failed-night.md", encoding: .utf8)
        #expect(note.contains("- helpline\\_calls: the feed folder is missing, and it gave 5 rows last night"))
    }

    @Test func aMissingDataFolderIsAFailureValue() throws {
        let batch = NightlyBatch(
            dataPath: "/nonexistent/awareness-data", reportsPath: "/tmp/unused-reports",
            notebooksPath: "/tmp/unused-notebooks", maxRejectRate: 0.01)
        #expect {
            try batch.run()
        } throws: { error in
            guard case .dataFolder(.folderNotFound("/nonexistent/awareness-data")) = error as? NightlyBatch.Failure
            else { return false }
            return true
        }
    }
}

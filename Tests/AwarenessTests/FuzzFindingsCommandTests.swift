import Foundation
import Testing

/// Data folders on which `Fuzz/run estimators` once stopped the program, kept in `Fixtures/fuzz-estimators/` as
/// the fuzzer writes them (`FUZZ_ESTIMATORS_WRITE_FOLDER`): `awareness run` must read them, estimate and write
/// every output, and say in the estimates why a figure is missing.
@Suite("awareness run on the estimators fuzzer's findings")
struct FuzzFindingsCommandTests {
    /// Runs `awareness run` on the fixture `name` into a fresh temporary folder; returns the result and the
    /// reports folder. The caller removes `folder`.
    func run(_ name: String) throws -> (result: CommandRunner.Result, reports: URL, folder: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let reports = folder.appendingPathComponent("reports")
        let result = try CommandRunner.run([
            "run", "--data", "fuzz-estimators/\(name)", "--out", reports.path, "--notebooks",
            folder.appendingPathComponent("notebooks").path,
        ])
        return (result, reports, folder)
    }

    @Test func windowTotalsPastTheLargestCountAreNotComparedAndTheNightWritesItsReports() throws {
        let (result, reports, folder) = try run("window-totals-past-the-largest-count")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 0, "\(result.stderr)")
        let report = try String(contentsOf: reports.appendingPathComponent("campaigns/banner-119.md"), encoding: .utf8)
        #expect(!report.isEmpty)
        let uplift = try String(contentsOf: reports.appendingPathComponent("uplift.csv"), encoding: .utf8)
        let window = uplift.split(separator: "\n").filter { $0.hasPrefix("banner-119,calls:119,window,") }
        #expect(window.count == 1)
        #expect(window.first?.contains("the counts add up past the largest count (9223372036854775807)") == true)
    }
}

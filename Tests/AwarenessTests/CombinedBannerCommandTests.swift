import Foundation
import Testing

/// A banner export carrying impressions and clicks on each row, in `banners/`, end to end: the sample data with its
/// two banner exports joined into one gives the same reports, charts, tidy tables and notebooks.
@Suite("Combined banner exports, end to end")
struct CombinedBannerCommandTests {
    static let sample = CommandRunner.fixtures.deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Data")

    /// A copy of the sample under `root` as `name`; with `combining`, its impressions and clicks exports (the same
    /// keys on the same lines) joined into `banners/ads_2020.csv`, and the two folders removed.
    static func copy(into root: URL, as name: String, combining: Bool) throws -> URL {
        let target = root.appendingPathComponent(name)
        try FileManager.default.copyItem(at: sample, to: target)
        guard combining else { return target }
        let impressions = try String(
            contentsOf: target.appendingPathComponent("impressions/impressions_2020.csv"), encoding: .utf8
        ).split(separator: "\n")
        let clicks = try String(contentsOf: target.appendingPathComponent("clicks/clicks_2020.csv"), encoding: .utf8)
            .split(separator: "\n")
        try #require(impressions.count == clicks.count && impressions.count > 1000)
        var joined = ""
        for (shown, clicked) in zip(impressions, clicks) {
            let key = shown.split(separator: ",", omittingEmptySubsequences: false).dropLast()
            try #require(
                Array(key) == Array(clicked.split(separator: ",", omittingEmptySubsequences: false).dropLast()))
            joined += shown + "," + (clicked.split(separator: ",", omittingEmptySubsequences: false).last ?? "") + "\n"
        }
        try FileManager.default.removeItem(at: target.appendingPathComponent("impressions"))
        try FileManager.default.removeItem(at: target.appendingPathComponent("clicks"))
        try FileManager.default.createDirectory(
            at: target.appendingPathComponent("banners"), withIntermediateDirectories: true)
        try Data(joined.utf8).write(to: target.appendingPathComponent("banners/ads_2020.csv"))
        return target
    }

    /// Every regular file under `folder`, as sorted relative paths.
    static func files(under folder: URL) -> [String] {
        let root = folder.resolvingSymlinksInPath().path
        var paths: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                paths.append(path)
            }
        }
        return paths.sorted()
    }

    @Test func theJoinedExportGivesTheOutputsOfTheTwoExports() throws {
        let folder = try BadInputFolder()
        for (name, combining) in [("separate", false), ("combined", true)] {
            let data = try Self.copy(into: folder.root, as: name, combining: combining)
            let result = try CommandRunner.run(
                [
                    "run", "--data", data.path, "--out", folder.root.appendingPathComponent("\(name)-reports").path,
                    "--notebooks", folder.root.appendingPathComponent("\(name)-notebooks").path,
                ], in: folder.root)
            #expect(result.status == 0, "\(name): \(result.stderr)")
        }
        for outputs in ["reports", "notebooks"] {
            let separate = folder.root.appendingPathComponent("separate-\(outputs)")
            let combined = folder.root.appendingPathComponent("combined-\(outputs)")
            let paths = Self.files(under: separate)
            #expect(paths == Self.files(under: combined))
            #expect(paths.count > (outputs == "reports" ? 20 : 3))
            // The inputs and the rows read differ (one file and half the rows): the manifest, the night mark (a hash
            // of the folders, counts included) and the data-quality counts are left out; everything else is the same.
            // report.html renders the markdown reports compared here (its table cells put a count on its own line).
            for path in paths where !["run-manifest.json", "awareness-night.json", "report.html"].contains(path) {
                let a = try String(contentsOf: separate.appendingPathComponent(path), encoding: .utf8)
                let b = try String(contentsOf: combined.appendingPathComponent(path), encoding: .utf8)
                #expect(Self.withoutRowCounts(a) == Self.withoutRowCounts(b), "\(outputs)/\(path) differs")
            }
        }
    }

    /// `text` without the lines that count rows read or accepted, and without the notebooks' cell ids, which are
    /// hashes of their cells' text (the data-quality cell's holds those counts).
    static func withoutRowCounts(_ text: String) -> [Substring] {
        text.split(separator: "\n").filter { line in
            !["Rows read", "Rows accepted", "Lignes lues", "Lignes acceptées", "\"id\": "].contains {
                line.contains($0)
            }
        }
    }

    @Test func validateListsTheExportOnceWithItsRows() throws {
        let folder = try BadInputFolder()
        _ = try Self.copy(into: folder.root, as: "combined", combining: true)
        let result = try folder.validate("combined")
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.contains("impressions: no folder (no data)"))
        #expect(lines.contains("banners: 1 file, 6136 rows read, 6136 accepted, 0 rejected, 2020-04-06 to 2020-12-10"))
        #expect(
            lines.contains(
                "  banners/ads_2020.csv: 6136 read, 6136 accepted, 0 rejected, 2020-04-06 to 2020-12-10, daily"))
        #expect(!result.stdout.contains("unknown columns"))
    }
}

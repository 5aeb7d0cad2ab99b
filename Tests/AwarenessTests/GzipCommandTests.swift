import Foundation
import Testing

/// gzip-compressed feeds through `awareness validate`: the same summary, rows, errors and line numbers as the
/// same files uncompressed, whether the files are named `.csv.gz` or kept as `.csv`.
@Suite("gzip-compressed feeds, end to end")
struct GzipCommandTests {
    /// Copies fixture `name` into `folder` as `gz`, each feed file compressed with `gzip -n` and renamed
    /// `.csv.gz` (or left `.csv` when `keepingNames`).
    static func compressedCopy(of name: String, in folder: BadInputFolder, keepingNames: Bool) throws {
        let target = folder.root.appendingPathComponent("gz")
        try FileManager.default.copyItem(at: CommandRunner.fixtures.appendingPathComponent(name), to: target)
        for feed in ["impressions", "clicks", "hashtag_videos", "helpline_calls"] {
            let feedFolder = target.appendingPathComponent(feed)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: feedFolder.path)) ?? []
            for file in names where file.hasSuffix(".csv") {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/gzip")
                process.arguments = ["-n", "-c", feedFolder.appendingPathComponent(file).path]
                let output = Pipe()
                process.standardOutput = output
                try process.run()
                let bytes = output.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                try #require(process.terminationStatus == 0)
                try FileManager.default.removeItem(at: feedFolder.appendingPathComponent(file))
                try bytes.write(to: feedFolder.appendingPathComponent(keepingNames ? file : file + ".gz"))
            }
        }
    }

    @Test(arguments: ["good", "bad"], [false, true])
    func validatePrintsTheSummaryOfTheUncompressedFiles(name: String, keepingNames: Bool) throws {
        let plain = try CommandRunner.run(["validate", "--data", name])
        let folder = try BadInputFolder()
        try Self.compressedCopy(of: name, in: folder, keepingNames: keepingNames)
        let compressed = try CommandRunner.run(["validate", "--data", "gz"], in: folder.root)
        #expect(compressed.status == plain.status)
        // The night's verdict names a file too: one of "bad" is new and over the per-file threshold.
        let stderr =
            keepingNames ? compressed.stderr : compressed.stderr.replacingOccurrences(of: ".csv.gz", with: ".csv")
        #expect(
            stderr
                == plain.stderr.replacingOccurrences(of: "warning: \(name)/", with: "warning: gz/")
                .replacingOccurrences(of: "error: \(name)/", with: "error: gz/"))
        let expected = plain.stdout.replacingOccurrences(of: "Data quality of \(name) ", with: "Data quality of gz ")
            .replacingOccurrences(of: "error: \(name)/", with: "error: gz/")
        let shown =
            keepingNames ? compressed.stdout : compressed.stdout.replacingOccurrences(of: ".csv.gz", with: ".csv")
        #expect(shown == expected)
        #expect(compressed.stdout.contains(".csv.gz") == !keepingNames)
    }
}

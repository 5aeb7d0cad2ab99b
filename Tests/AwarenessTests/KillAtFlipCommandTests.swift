import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `awareness run` killed (SIGKILL) at the points of its swap where a mix of two nights could show: just before
/// and just after the flip of the store's `current` link, stopped there by `AWARENESS_PAUSE_AT`. With no later run,
/// the reports and notebooks folders are then one night's pair: last night's byte for byte, or tonight's.
@Suite(
    "awareness run killed around the flip",
    .enabled(if: FileManager.default.fileExists(atPath: "/proc/self/stat"), "the stop is seen in /proc"))
struct KillAtFlipCommandTests {
    /// A folder with last night's outputs of the good fixture in English.
    func lastNight() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("flip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let result = try CommandRunner.run(arguments(folder, language: "en"))
        #expect(result.status == 0, "\(result.stderr)")
        return folder
    }

    func arguments(_ folder: URL, language: String) -> [String] {
        [
            "run", "--data", "good", "--out", folder.appendingPathComponent("reports").path, "--notebooks",
            folder.appendingPathComponent("Notebooks-export").path, "--language", language,
        ]
    }

    /// Every file of both folders, read through their links, with its bytes.
    func contents(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        for name in ["reports", "Notebooks-export"] {
            let root = folder.appendingPathComponent(name).resolvingSymlinksInPath().path
            let enumerator = FileManager.default.enumerator(atPath: root)
            while let path = enumerator?.nextObject() as? String {
                if let bytes = FileManager.default.contents(atPath: root + "/" + path) {
                    files[name + "/" + path] = bytes
                }
            }
        }
        return files
    }

    /// The nights of the two folders' marks.
    func nights(_ folder: URL) -> [String?] {
        ["reports", "Notebooks-export"].map { name in
            let mark = folder.appendingPathComponent(name + "/awareness-night.json")
            guard let data = FileManager.default.contents(atPath: mark.path),
                let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
            else { return nil }
            return object["night"] as? String
        }
    }

    /// Runs tonight's run (French) stopped at `point` and kills it there; returns its exit status.
    func killed(at point: String, into folder: URL) throws -> Int32 {
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = arguments(folder, language: "fr")
        process.currentDirectoryURL = CommandRunner.fixtures
        process.environment = ProcessInfo.processInfo.environment.merging(["AWARENESS_PAUSE_AT": point]) { $1 }
        process.standardError = FileHandle.nullDevice
        try process.run()
        let stat = "/proc/\(process.processIdentifier)/stat"
        var stopped = false
        for _ in 0..<3_000 where process.isRunning {
            let fields = (try? String(contentsOfFile: stat, encoding: .utf8))?.split(separator: " ") ?? []
            if fields.count > 2, fields[2] == "T" {
                stopped = true
                break
            }
            usleep(2_000)
        }
        #expect(stopped, "the run did not stop at \(point)")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test func killedJustBeforeTheFlipBothFoldersAreLastNightsByteForByte() throws {
        let folder = try lastNight()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = contents(folder)
        #expect(try killed(at: "before-flip", into: folder) == SIGKILL)
        #expect(contents(folder) == before)
        let marks = nights(folder)
        #expect(marks[0] != nil && marks[0] == marks[1])
    }

    @Test func killedJustAfterTheFlipBothFoldersAreTonightsFrenchPair() throws {
        let folder = try lastNight()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lastNights = nights(folder)
        #expect(try killed(at: "after-flip", into: folder) == SIGKILL)
        let marks = nights(folder)
        #expect(marks[0] != nil && marks[0] == marks[1])
        #expect(marks[0] != lastNights[0])
        let summary = try String(
            contentsOf: folder.appendingPathComponent("reports/summary.md"), encoding: .utf8)
        #expect(summary.contains("Appels au 119"))
        let notebook = try String(
            contentsOf: folder.appendingPathComponent("Notebooks-export/banner-119.ipynb"), encoding: .utf8)
        #expect(notebook.contains("Appels au 119"))
    }
}

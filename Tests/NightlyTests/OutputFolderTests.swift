import Foundation
import Nightly
import Reporting
import Testing

@Suite("Atomic output folder")
struct OutputFolderTests {
    struct Interrupted: Error {}

    /// A fresh parent folder holding a `reports` folder with last night's summary.
    func previousNight() throws -> (parent: String, folder: OutputFolder) {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("out-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        let folder = OutputFolder(path: parent + "/reports")
        try folder.replace { try $0.write("last night\n", to: "summary.md") }
        return (parent, folder)
    }

    func read(_ path: String) -> String? {
        try? String(contentsOfFile: path, encoding: .utf8)
    }

    @Test func swapsInTheNewOutputsAndLeavesNoTemporaryFolder() throws {
        let (parent, folder) = try previousNight()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        try folder.replace { staging in
            try staging.write("tonight\n", to: "summary.md")
            try staging.write("<svg/>", to: "charts/spring-calls.svg")
        }
        #expect(read(parent + "/reports/summary.md") == "tonight\n")
        #expect(read(parent + "/reports/charts/spring-calls.svg") == "<svg/>")
        let entries = try FileManager.default.contentsOfDirectory(atPath: parent).sorted()
        #expect(entries == ["reports", "reports.lock"])
    }

    @Test func leavesThePreviousOutputsIntactWhenAWriteThrowsMidway() throws {
        let (parent, folder) = try previousNight()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        #expect(throws: Interrupted.self) {
            try folder.replace { staging in
                try staging.write("half\n", to: "summary.md")
                throw Interrupted()
            }
        }
        #expect(read(parent + "/reports/summary.md") == "last night\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent).sorted() == ["reports", "reports.lock"])
    }

    @Test func removesTheLeftoversOfAKilledRun() throws {
        let (parent, folder) = try previousNight()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        try FileManager.default.createDirectory(
            atPath: parent + "/.reports.tmp-99999", withIntermediateDirectories: false)
        try folder.replace { try $0.write("x", to: "summary.md") }
        #expect(!FileManager.default.fileExists(atPath: parent + "/.reports.tmp-99999"))
    }

    @Test func putsBackThePreviousOutputsOfARunKilledBetweenItsTwoRenames() throws {
        let (parent, folder) = try previousNight()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        try FileManager.default.moveItem(atPath: parent + "/reports", toPath: parent + "/.reports.old-99999")
        #expect(throws: Interrupted.self) {
            try folder.replace { _ in throw Interrupted() }
        }
        #expect(read(parent + "/reports/summary.md") == "last night\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent).sorted() == ["reports", "reports.lock"])
    }

    @Test func namesTheFileUnderTheOutputFolderWithTheSystemsReasonWhenAWriteFails() throws {
        let (parent, folder) = try previousNight()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let error = #expect(throws: OutputFolderError.self) {
            try folder.replace { staging in
                try FileManager.default.createDirectory(
                    atPath: staging.root + "/summary.md", withIntermediateDirectories: false)
                try staging.write("tonight\n", to: "summary.md")
            }
        }
        #expect(error == .io(operation: "create", path: parent + "/reports/summary.md", message: "Is a directory"))
        #expect(read(parent + "/reports/summary.md") == "last night\n")
    }

    @Test func refusesASecondWriterOnTheSameFolder() throws {
        let (parent, folder) = try previousNight()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        try folder.replace { staging in
            try staging.write("first\n", to: "summary.md")
            let error = #expect(throws: OutputFolderError.self) {
                try OutputFolder(path: parent + "/reports").replace { try $0.write("second\n", to: "summary.md") }
            }
            #expect(error == .locked(folder: parent + "/reports", lockFile: parent + "/reports.lock"))
            #expect(error?.description.contains("another run is writing to this output folder") == true)
        }
        #expect(read(parent + "/reports/summary.md") == "first\n")
    }

    @Test(arguments: [
        "../x", "charts/../../x", "/etc/passwd", "", "a//b", "./a", ".hidden", "a/b c.md", "a\\b", "café.md",
        "charts/..",
    ])
    func refusesPathsThatEscapeTheFolderOrAreNotSafe(path: String) throws {
        let (parent, folder) = try previousNight()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        #expect(throws: OutputFolderError.self) {
            try folder.replace { try $0.write("x", to: path) }
        }
        #expect(read(parent + "/reports/summary.md") == "last night\n")
        #expect(!FileManager.default.fileExists(atPath: parent + "/x"))
    }

    @Test func acceptsOrdinaryRelativePaths() throws {
        try OutputStaging.validate("campaigns/spring-2020.md")
        try OutputStaging.validate("charts/spring_2020-calls.v2.svg")
    }
}

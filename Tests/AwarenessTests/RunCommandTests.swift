import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("awareness run, end to end")
struct RunCommandTests {
    /// A fresh temporary folder, removed by the caller.
    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every regular file under `folder`, as sorted relative paths, read through the output folders' links; the
    /// hidden store of nights they lead into is not listed.
    func files(under folder: URL) -> [String] {
        let root = folder.resolvingSymlinksInPath().path
        var paths: [String] = []
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [] where !entry.hasPrefix(".") {
            let full = URL(fileURLWithPath: root + "/" + entry).resolvingSymlinksInPath().path
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory) else { continue }
            guard isDirectory.boolValue else {
                paths.append(entry)
                continue
            }
            let enumerator = FileManager.default.enumerator(atPath: full)
            while let path = enumerator?.nextObject() as? String {
                if FileManager.default.fileExists(atPath: full + "/" + path, isDirectory: &isDirectory),
                    !isDirectory.boolValue
                {
                    paths.append(entry + "/" + path)
                }
            }
        }
        return paths.sorted()
    }

    func run(_ data: String, into folder: URL, _ extra: [String] = []) throws -> CommandRunner.Result {
        try CommandRunner.run(
            [
                "run", "--data", data, "--out", folder.appendingPathComponent("reports").path, "--notebooks",
                folder.appendingPathComponent("Notebooks-export").path,
            ] + extra)
    }

    /// The good fixture's second calls file restates 4 May (812 calls, 700 answered, then 815 and 702):
    /// `revisions.csv` gives a row per count that changed, and `--excel` writes the tidy tables again for a French
    /// spreadsheet.
    @Test func revisionsAreATableAndExcelCopiesUseTheFrenchSpreadsheetDialect() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try run("good", into: folder, ["--excel"]).status == 0)
        let reports = folder.appendingPathComponent("reports")
        // Read as bytes: decoding would drop the byte order mark the spreadsheet copies must start with.
        func read(_ path: String) throws -> String {
            String(decoding: try Data(contentsOf: reports.appendingPathComponent(path)), as: UTF8.self)
        }
        #expect(
            try read("revisions.csv") == """
                file,line,date,feed,key,column,previous,value,previous_file,previous_line
                helpline_calls/2020-05-06.csv,2,2020-05-04,helpline_calls,helpline=119,calls,812,815,\
                helpline_calls/2020-05-05.csv,3
                helpline_calls/2020-05-06.csv,2,2020-05-04,helpline_calls,helpline=119,answered,700,702,\
                helpline_calls/2020-05-05.csv,3

                """)
        #expect(
            try read("excel/revisions.csv") == """
                \u{FEFF}file;line;date;feed;key;column;previous;value;previous_file;previous_line
                helpline_calls/2020-05-06.csv;2;2020-05-04;helpline_calls;helpline=119;calls;812;815;\
                helpline_calls/2020-05-05.csv;3
                helpline_calls/2020-05-06.csv;2;2020-05-04;helpline_calls;helpline=119;answered;700;702;\
                helpline_calls/2020-05-05.csv;3

                """)
        let excel = files(under: reports.appendingPathComponent("excel"))
        #expect(excel == ["daily.csv", "rejects.csv", "revisions.csv", "uplift.csv", "weekly.csv"])
        // The same rows as the plain table, with `;` and decimal commas: the uplift column, for one.
        func cells(_ line: Substring, _ separator: Character) -> [String] {
            var cells = [""]
            var quoted = false
            for character in line {
                if character == "\"" {
                    quoted.toggle()
                } else if character == separator && !quoted {
                    cells.append("")
                } else {
                    cells[cells.count - 1].append(character)
                }
            }
            return cells
        }
        let plain = try read("uplift.csv").split(separator: "\n").map { cells($0, ",") }
        let french = try read("excel/uplift.csv").split(separator: "\n").map { cells($0, ";") }
        #expect(plain.count == french.count && plain.count > 1)
        let uplift = try #require(plain.first?.firstIndex(of: "uplift"))
        for (plainRow, frenchRow) in zip(plain.dropFirst(), french.dropFirst()) {
            #expect(frenchRow.count == plainRow.count)
            #expect(frenchRow[uplift] == plainRow[uplift].replacingOccurrences(of: ".", with: ","))
        }
        // A second run without --excel replaces the night whole: no spreadsheet copy is left behind.
        #expect(try run("good", into: folder).status == 0)
        #expect(!FileManager.default.fileExists(atPath: reports.appendingPathComponent("excel").path))
    }

    @Test func writesEveryOutputForTheGoodFixtureAndExitsWith0() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try run("good", into: folder)
        #expect(result.status == 0)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("awareness run: read 5 files: 11 rows, 11 accepted, 0 rejected\n"))
        #expect(
            files(under: folder) == [
                "Notebooks-export.lock", "Notebooks-export/README.md", "Notebooks-export/awareness-night.json",
                "Notebooks-export/banner-119.ipynb", "reports.lock", "reports/awareness-night.json",
                "reports/campaigns/banner-119.md", "reports/charts/banner-119-banner-119-ctr.svg",
                "reports/charts/banner-119-banner-119-weekly.svg", "reports/charts/banner-119-calls-119.svg",
                "reports/charts/banner-119-videos-alloenfanceendanger.svg", "reports/daily.csv", "reports/rejects.csv",
                "reports/report.html", "reports/revisions.csv", "reports/run-manifest.json", "reports/summary.md",
                "reports/uplift.csv",
                "reports/uplift.json",
                "reports/weekly.csv",
            ])
        #expect(
            try FileManager.default.destinationOfSymbolicLink(atPath: folder.appendingPathComponent("reports").path)
                == ".reports.nights/current/reports")
        let report = try String(
            contentsOf: folder.appendingPathComponent("reports/campaigns/banner-119.md"), encoding: .utf8)
        #expect(report.hasPrefix("# 119 banner\n\nCalls to 119 during the campaign (4–17 May 2020): 1,605 received."))
    }

    @Test func writesFrenchReportsWhenAsked() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try run("good", into: folder, ["--language", "fr"])
        #expect(result.status == 0)
        let summary = try String(contentsOf: folder.appendingPathComponent("reports/summary.md"), encoding: .utf8)
        #expect(summary.contains("Appels au 119 pendant la campagne (4–17 mai 2020)\u{00A0}: 1\u{202F}605 reçus."))
    }

    @Test func givesByteIdenticalOutputsOnTheSameInputsExceptTheRunTime() throws {
        let data = CommandRunner.fixtures.deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Data").path
        let first = try temporaryFolder()
        let second = try temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        #expect(try run(data, into: first).status == 0)
        #expect(try run(data, into: second).status == 0)
        let paths = files(under: first)
        #expect(paths == files(under: second))
        #expect(paths.count == 46)
        for path in paths {
            let a = try String(contentsOf: first.appendingPathComponent(path), encoding: .utf8)
            let b = try String(contentsOf: second.appendingPathComponent(path), encoding: .utf8)
            if path.hasSuffix("run-manifest.json") {
                let strip = { (text: String) in text.split(separator: "\n").filter { !$0.contains("\"run_time\"") } }
                #expect(strip(a) == strip(b))
                #expect(a.contains("\"tool_version\" : \"awareness 0.1.0\""))
            } else {
                #expect(a == b, "\(path) differs between two runs")
            }
        }
    }

    @Test func leavesThePreviousOutputsIntactWhenTheRunCannotFinishWriting() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try run("good", into: folder).status == 0)
        let summaryPath = folder.appendingPathComponent("reports/summary.md")
        let before = try String(contentsOf: summaryPath, encoding: .utf8)
        // Another run holds the notebooks folder: this run cannot take both locks, so it writes nothing.
        let lock = open(folder.appendingPathComponent("Notebooks-export.lock").path, O_RDWR | O_CREAT, 0o644)
        #expect(lock >= 0)
        #expect(flock(lock, LOCK_EX | LOCK_NB) == 0)
        defer { close(lock) }
        let result = try run("good", into: folder, ["--language", "fr"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("error: \(folder.appendingPathComponent("Notebooks-export").path): another run"))
        #expect(try String(contentsOf: summaryPath, encoding: .utf8) == before)
        #expect(files(under: folder).filter { $0.contains(".tmp-") }.isEmpty)
        let store = folder.appendingPathComponent(".reports.nights").path
        #expect(try FileManager.default.contentsOfDirectory(atPath: store).count == 2)
    }

    /// A bad night after a good one: last night's outputs stay byte for byte, the night's diagnostics go to
    /// `reports.failed`, the status is 1; `--force` writes the outputs anyway, and the next good night removes the
    /// stale diagnostics.
    @Test func aBadNightKeepsLastNightsOutputsAndWritesItsDiagnosticsBesideThem() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try run("good", into: folder).status == 0)
        let reports = folder.appendingPathComponent("reports")
        let before = try files(under: folder).map { ($0, try Data(contentsOf: folder.appendingPathComponent($0))) }

        let bad = try run("bad", into: folder)
        #expect(bad.status == 1)
        let failed = folder.appendingPathComponent("reports.failed")
        #expect(
            bad.stderr.contains(
                "error: bad: the night failed its checks (see the errors above; 85.71% of rows rejected, 4 files "
                    + "refused; threshold 1.00%); last "
                    + "night's outputs in \(reports.path) and \(folder.appendingPathComponent("Notebooks-export").path) "
                    + "were kept, and tonight's diagnostics written to \(failed.path) (failed-night.md, rejects.csv, "
                    + "run-manifest.json); fix the files, or rerun with --force to write the outputs anyway\n"),
            "\(bad.stderr)")
        for (path, bytes) in before {
            #expect(try Data(contentsOf: folder.appendingPathComponent(path)) == bytes, "\(path) changed")
        }
        #expect(files(under: failed) == ["failed-night.md", "rejects.csv", "run-manifest.json"])
        let note = try String(contentsOf: failed.appendingPathComponent("failed-night.md"), encoding: .utf8)
        // "bad" has no clicks and no hashtag videos, which "good" had last night, and a new file over its threshold.
        #expect(
            note.hasPrefix(
                "# Tonight's run kept last night's reports\n\nThe data had problems:\n\n- clicks: the feed folder is "
                    + "missing, and it gave 1 row last night (an unmounted share?)\n"))
        #expect(note.contains("\n- 85\\.71% of rows rejected, over the 1.00% threshold\n"))

        let diagnosedRejects = try Data(contentsOf: failed.appendingPathComponent("rejects.csv"))
        let forced = try run("bad", into: folder, ["--force"])
        #expect(forced.status == 1)
        #expect(forced.stderr.contains("the outputs were written but need checking"))
        #expect(try Data(contentsOf: reports.appendingPathComponent("rejects.csv")) == diagnosedRejects)
        // A night that wrote its outputs leaves no stale diagnostics behind.
        #expect(!FileManager.default.fileExists(atPath: failed.path))

        #expect(try run("good", into: folder).status == 0)
        #expect(!FileManager.default.fileExists(atPath: failed.path))
    }

    @Test func rejectsAnUnknownLanguageWithStatus2() throws {
        let result = try CommandRunner.run(["run", "--data", "good", "--language", "de"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: --language must be en or fr, got 'de'"))
    }
}

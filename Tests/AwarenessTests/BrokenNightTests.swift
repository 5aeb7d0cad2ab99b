import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A broken night after a good one (issue 24): `run` once on a good folder, then break its copy one way and run
/// again. Each broken night fails with its status and its reason located at the feed folder or file, `validate
/// --out` gives the same status and reason, last night's outputs stay byte for byte, and the data folder is left as
/// it was. The good night's two `Total` rows of a spreadsheet export are warnings, with status 0.
@Suite("A broken night keeps last night's outputs")
struct BrokenNightTests {
    /// How tonight's copy of the good folder is broken.
    enum Breakage: String, CaseIterable, Sendable, CustomTestStringConvertible {
        /// The helpline feed folder is gone (an unmounted share).
        case feedMissing
        /// The helpline feed folder holds no file.
        case feedEmpty
        /// The helpline files hold their header and no row.
        case feedHeaderOnly
        /// The helpline feed folder cannot be listed (mode 000, the commands run as `nobody`).
        case feedUnreadable
        /// A new file of January 2021 with US-style dates without zeros (`1/31/2021`), which no date format reads:
        /// every row rejected.
        case newFileOfUSDates
        /// A new file with 3 of its 5 rows rejected.
        case newFileSixtyPercentRejected

        var testDescription: String { rawValue }

        /// The exit status of the broken night.
        var status: Int32 { self == .feedUnreadable ? 3 : 1 }

        /// The error line that says why the night failed.
        var message: String {
            switch self {
            case .feedMissing:
                "error: data/helpline_calls: the feed folder is missing, and it gave 3655 rows last night (an "
                    + "unmounted share?)\n"
            case .feedEmpty:
                "error: data/helpline_calls: the feed folder holds no file, and it gave 3655 rows last night\n"
            case .feedHeaderOnly:
                "error: data/helpline_calls: the feed's files hold no data row (headers only), and they gave 3655 "
                    + "rows last night\n"
            case .feedUnreadable:
                "error: data/helpline_calls: the feed folder cannot be read (Permission denied); its files could not "
                    + "be seen\n"
            case .newFileOfUSDates:
                "error: data/helpline_calls/2021-01.csv: all 31 of its rows were rejected\n"
            case .newFileSixtyPercentRejected:
                "error: data/helpline_calls/2020-05-12.csv: a new file with 60.00% of its rows rejected, over the "
                    + "50.00% threshold for a new file\n"
            }
        }
    }

    /// The good fixture with a year of calls to ten other helplines, ending with the two `Total` rows a spreadsheet
    /// export adds, in `folder`/data: 3,652 rows of which 2 are rejected, well under the 1% threshold.
    static func makeGoodNight(in folder: BadInputFolder) throws {
        let data = folder.root.appendingPathComponent("data")
        try FileManager.default.copyItem(at: CommandRunner.fixtures.appendingPathComponent("good"), to: data)
        var text = "date,helpline,calls,answered\n"
        let first = try #require(
            Calendar(identifier: .gregorian).date(from: DateComponents(year: 2019, month: 5, day: 1)))
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.calendar = Calendar(identifier: .gregorian)
        for day in 0..<365 {
            let date = formatter.string(from: first.addingTimeInterval(Double(day) * 86_400))
            for helpline in 0..<10 {
                text +=
                    "\(date),\(3001 + helpline),\(100 + (day * 7 + helpline * 3) % 40),\(90 + (day * 5 + helpline) % 10)\n"
            }
        }
        text += "Total,,123456,\nTotal,,123456,\n"
        try Data(text.utf8).write(to: data.appendingPathComponent("helpline_calls/2019-history.csv"))
    }

    /// `awareness <command>` on `data` with the reports folder `out/reports`.
    static func command(
        _ command: String, in folder: BadInputFolder, unprivileged: Bool = false
    ) throws
        -> CommandRunner.Result
    {
        let arguments =
            command == "run"
            ? ["run", "--data", "data", "--out", "out/reports", "--notebooks", "out/Notebooks-export"]
            : ["validate", "--data", "data", "--out", "out/reports"]
        return try CommandRunner.run(arguments, in: folder.root, unprivileged: unprivileged)
    }

    /// Every regular file under `folder` with its bytes, by relative path, folders as `path/` with no bytes; links
    /// to folders (the output folders, into their store of nights) are followed, an unreadable folder is left out.
    static func contents(of folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        func visit(_ directory: URL, _ prefix: String) throws {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [] {
                let url = directory.appendingPathComponent(name)
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    files[prefix + name] = try Data(contentsOf: url)
                } else {
                    files[prefix + name + "/"] = Data()
                    if isDirectory.boolValue { try visit(url, prefix + name + "/") }
                }
            }
        }
        try visit(folder, "")
        return files
    }

    /// Breaks the helpline feed of `data` as `breakage` says.
    static func breakFolder(_ data: URL, _ breakage: Breakage) throws {
        let feed = data.appendingPathComponent("helpline_calls")
        let names = try FileManager.default.contentsOfDirectory(atPath: feed.path)
        switch breakage {
        case .feedMissing:
            try FileManager.default.removeItem(at: feed)
        case .feedEmpty:
            for name in names { try FileManager.default.removeItem(at: feed.appendingPathComponent(name)) }
        case .feedHeaderOnly:
            for name in names {
                try Data("date,helpline,calls,answered\n".utf8).write(to: feed.appendingPathComponent(name))
            }
        case .feedUnreadable:
            // Changed once the data folder is recorded, by the test.
            break
        case .newFileOfUSDates:
            let rows = (1...31).map { "1/\($0)/2021,119,\(700 + $0),600\n" }.joined()
            try Data(("date,helpline,calls,answered\n" + rows).utf8).write(
                to: feed.appendingPathComponent("2021-01.csv"))
        case .newFileSixtyPercentRejected:
            let text =
                "date,helpline,calls,answered\n2020-05-07,119,700,600\n2020-05-08,119,710,600\n2020-05-09,119,-1,0\n"
                + "2020-05-10,119,-2,0\n2020-05-11,119,-3,0\n"
            try Data(text.utf8).write(to: feed.appendingPathComponent("2020-05-12.csv"))
        }
    }

    /// Gives every entry under `root` to `nobody`, so that the commands run as it can write the outputs.
    static func giveToNobody(_ root: URL) {
        let id = UInt32(CommandRunner.unprivilegedID)
        chown(root.path, id, id)
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let path = enumerator?.nextObject() as? String {
            lchown(root.appendingPathComponent(path).path, id, id)
        }
    }

    @Test func theTotalRowsOfAGoodNightAreWarningsWithStatus0() throws {
        let folder = try BadInputFolder()
        try Self.makeGoodNight(in: folder)
        let run = try Self.command("run", in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        for line in [3652, 3653] {
            #expect(
                run.stderr.contains(
                    "warning: data/helpline_calls/2019-history.csv:\(line):1: date: \"Total\" is not a date"),
                "\(run.stderr)")
        }
        #expect(!run.stderr.contains("error:"), "\(run.stderr)")
        let validation = try Self.command("validate", in: folder)
        #expect(validation.status == 0, "\(validation.stdout)\(validation.stderr)")
        #expect(
            validation.stdout.contains(
                "    warning: data/helpline_calls/2019-history.csv:3652:1: date: \"Total\" is not a date"))
        #expect(validation.stdout.hasSuffix("Verdict: usable.\n"))
    }

    /// A manifest that is there but cannot be read is warned of at its path, and the night judged without history.
    @Test func anUnreadableManifestIsWarnedOfAndTheNightJudgedWithoutHistory() throws {
        let folder = try BadInputFolder()
        try Self.makeGoodNight(in: folder)
        #expect(try Self.command("run", in: folder).status == 0)
        try Data("{\"inputs\": [".utf8).write(to: folder.root.appendingPathComponent("out/reports/run-manifest.json"))
        let validation = try Self.command("validate", in: folder)
        #expect(validation.status == 0)
        let warning =
            "warning: out/reports/run-manifest.json: could not be read: tonight is not compared with last night "
            + "(every file counts as new, no feed folder as vanished)\n"
        #expect(validation.stderr.contains(warning), "\(validation.stderr)")
        #expect(validation.stdout.contains("\nLast night's manifest out/reports/run-manifest.json could not be read"))
        let run = try Self.command("run", in: folder)
        #expect(run.status == 0)
        #expect(run.stderr.contains(warning), "\(run.stderr)")
        // The night wrote a new manifest: the next one is compared again.
        #expect(!(try Self.command("validate", in: folder).stderr.contains("warning: out/reports/run-manifest.json")))
    }

    @Test(arguments: Breakage.allCases)
    func aBrokenNightFailsAndKeepsLastNightsOutputsAndTheDataFolder(_ breakage: Breakage) throws {
        let folder = try BadInputFolder()
        try Self.makeGoodNight(in: folder)
        #expect(try Self.command("run", in: folder).status == 0)
        let out = folder.root.appendingPathComponent("out")
        let lastNight = try Self.contents(of: out)
        #expect(lastNight["reports/run-manifest.json"] != nil)

        let data = folder.root.appendingPathComponent("data")
        try Self.breakFolder(data, breakage)
        let unprivileged = breakage == .feedUnreadable
        if unprivileged { Self.giveToNobody(folder.root) }
        let tonight = try Self.contents(of: data)
        if unprivileged { chmod(data.appendingPathComponent("helpline_calls").path, 0) }

        let validation = try Self.command("validate", in: folder, unprivileged: unprivileged)
        let run = try Self.command("run", in: folder, unprivileged: unprivileged)
        if unprivileged { chmod(data.appendingPathComponent("helpline_calls").path, 0o755) }

        #expect(run.status == breakage.status, "\(run.stderr)")
        #expect(validation.status == run.status, "\(validation.stdout)\(validation.stderr)")
        #expect(run.stderr.contains(breakage.message), "\(run.stderr)")
        #expect(validation.stderr.contains(breakage.message), "\(validation.stderr)")
        #expect(run.stderr.contains("last night's outputs in out/reports and out/Notebooks-export were kept"))
        // The night's diagnostics beside last night's outputs, which are byte for byte what they were.
        let now = try Self.contents(of: out)
        for (path, bytes) in lastNight {
            #expect(now[path] == bytes, "\(path) changed")
        }
        let failed = try String(
            contentsOf: out.appendingPathComponent("reports.failed/failed-night.md"), encoding: .utf8)
        let reason = breakage.message.dropFirst("error: data/".count).dropLast()
        #expect(failed.contains("- " + reason.replacingOccurrences(of: "_", with: "\\_")), "\(failed)")
        #expect(try Self.contents(of: data) == tonight)
        // The verdict blames the right file: rejected rows there are errors, the Total rows still warnings.
        if breakage == .newFileOfUSDates || breakage == .newFileSixtyPercentRejected {
            #expect(run.stderr.contains("warning: data/helpline_calls/2019-history.csv:3652:1: "))
            let file = breakage == .newFileOfUSDates ? "2021-01.csv:2:1: date" : "2020-05-12.csv:4:3: calls"
            #expect(run.stderr.contains("error: data/helpline_calls/\(file)"), "\(run.stderr)")
        }
    }
}

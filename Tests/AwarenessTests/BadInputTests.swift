import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// One case of the bad-input corpus in `BadInput/cases.json`: a data folder under `BadInput/cases/<case>/`
/// (given `BadInput/campaigns.yaml` when it has none of its own), the exit status `awareness validate` must give
/// (DESIGN §2), the substrings its output must contain (the located error, or the counts of a documented
/// acceptance), and a note saying why that is the right outcome.
struct BadInputCase: Decodable, Sendable, CustomTestStringConvertible {
    let `case`: String
    let status: Int32
    let expect: [String]
    let note: String

    var testDescription: String { self.case }
}

/// A temporary working folder holding data folders, removed when dropped.
final class BadInputFolder {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("bad-input-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    deinit {
        // Give back the permissions a case took away, so that the folder can be removed.
        if let files = FileManager.default.enumerator(atPath: root.path) {
            for case let path as String in files {
                chmod(root.appendingPathComponent(path).path, 0o755)
            }
        }
        try? FileManager.default.removeItem(at: root)
    }

    /// Copies case `name` from the corpus, adding the shared campaigns.yaml when the case has none.
    func copyCase(_ name: String) throws {
        let target = root.appendingPathComponent(name)
        try FileManager.default.copyItem(at: BadInputTests.corpus.appendingPathComponent("cases/\(name)"), to: target)
        try addCalendar(to: name)
    }

    /// A new data folder `name` with the shared campaigns.yaml and an empty feed folder `feed`.
    func makeFolder(_ name: String, feed: String) throws -> URL {
        let folder = root.appendingPathComponent(name).appendingPathComponent(feed)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try addCalendar(to: name)
        return folder
    }

    private func addCalendar(to name: String) throws {
        let calendar = root.appendingPathComponent(name).appendingPathComponent("campaigns.yaml")
        if !FileManager.default.fileExists(atPath: calendar.path) {
            try FileManager.default.copyItem(
                at: BadInputTests.corpus.appendingPathComponent("campaigns.yaml"), to: calendar)
        }
    }

    /// `awareness validate` on data folder `name`, its summary in `language`: English unless asked, since the corpus
    /// pins English lines whatever language a case's calendar names.
    func validate(_ name: String, unprivileged: Bool = false, language: String = "en") throws -> CommandRunner.Result {
        try CommandRunner.run(
            ["validate", "--data", name, "--language", language], in: root, unprivileged: unprivileged)
    }

    /// The folder `run` writes `reports` and `Notebooks-export` into for data folder `name`.
    func outputs(of name: String) -> URL {
        root.appendingPathComponent("\(name)-out")
    }

    /// `awareness run` on data folder `name`, into a fresh ``outputs(of:)`` folder (given to the unprivileged
    /// user when the command runs as it).
    func run(_ name: String, unprivileged: Bool = false) throws -> CommandRunner.Result {
        let out = outputs(of: name)
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        if unprivileged && getuid() == 0 {
            let id = UInt32(CommandRunner.unprivilegedID)
            chown(out.path, id, id)
        }
        return try CommandRunner.run(
            [
                "run", "--data", name, "--out", "\(name)-out/reports", "--notebooks",
                "\(name)-out/Notebooks-export",
            ], in: root, unprivileged: unprivileged)
    }
}

/// The bad-input corpus, end to end through `awareness validate` and `awareness run`: every case gives its exit
/// status, its located error or documented acceptance, counts that add up (rows read = accepted + rejected on every
/// line that gives them, and in the run's manifest and rejects.csv), and no crash. Cases too big or too unportable to commit (a 10 MB field, 100,000 fields, a directory
/// named `x.csv`, a symbolic-link loop, an unreadable file) are made in a temporary folder.
@Suite("Bad input, end to end")
struct BadInputTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("BadInput")

    static let cases: [BadInputCase] = {
        guard let data = try? Data(contentsOf: corpus.appendingPathComponent("cases.json")) else { return [] }
        return (try? JSONDecoder().decode([BadInputCase].self, from: data)) ?? []
    }()

    /// Peak resident memory, in bytes, allowed to `awareness validate` on the big cases (measured: 80 MB for two
    /// 10 MB fields in a debug build, against 29 MB for a small folder): the field is held in libcsv's buffer and in
    /// the record buffer, so a read keeping a few copies of it stays well under this, while a read that loaded files
    /// whole or kept every field would not. Under a sanitizer (scripts/test-sanitizers) shadow memory and the
    /// allocator's quarantine add several hundred megabytes (640 MB measured under ASan), so the bound is 1 GiB.
    static let memoryBound = isSanitized ? 1 << 30 : 200 << 20

    /// Whether this test process, and so the `awareness` it runs, is built with ASan or TSan.
    static let isSanitized =
        dlsym(UnsafeMutableRawPointer(bitPattern: 0), "__asan_init") != nil
        || dlsym(UnsafeMutableRawPointer(bitPattern: 0), "__tsan_init") != nil

    /// Every "N read, N accepted, N rejected" in `output` (feed, file and total lines), which must add up.
    static func countsAddUp(_ output: String) -> Bool {
        let pattern = /(\d+) (?:rows? )?read, (\d+) accepted, (\d+) rejected/
        var found = false
        for match in output.matches(of: pattern) {
            guard let read = Int(match.1), let accepted = Int(match.2), let rejected = Int(match.3) else {
                return false
            }
            if read != accepted + rejected { return false }
            found = true
        }
        return found
    }

    @Test func theCorpusHasAtLeastFortyCasesEachWithAFolder() throws {
        #expect(Self.cases.count >= 40)
        for item in Self.cases {
            #expect(
                FileManager.default.fileExists(atPath: Self.corpus.appendingPathComponent("cases/\(item.case)").path),
                "\(item.case)")
            #expect(!item.expect.isEmpty && !item.note.isEmpty, "\(item.case)")
        }
    }

    @Test(arguments: cases)
    func aCaseGivesItsStatusItsLocatedErrorAndCountsThatAddUp(_ item: BadInputCase) throws {
        let folder = try BadInputFolder()
        try folder.copyCase(item.case)
        let result = try folder.validate(item.case)
        let output = result.stdout + result.stderr
        #expect(result.status == item.status, "\(output)")
        for expected in item.expect {
            #expect(output.contains(expected), "missing \"\(expected)\" in:\n\(output)")
        }
        // A configuration error stops before any feed is read; otherwise every count printed must add up.
        if item.status != 2 {
            #expect(Self.countsAddUp(result.stdout), "\(result.stdout)")
        } else {
            #expect(result.stderr.hasPrefix("error: \(item.case)/campaigns.yaml"), "\(result.stderr)")
        }
    }

    @Test(arguments: cases)
    func aCaseRunsWithTheSameStatusErrorsAndCountsAsItValidates(_ item: BadInputCase) throws {
        let folder = try BadInputFolder()
        try folder.copyCase(item.case)
        let validation = try folder.validate(item.case)
        let result = try folder.run(item.case)
        // No case holds the 28 days before the campaign that its estimate needs, so `run` adds status 1 for the
        // campaign that could not be estimated (DESIGN §2) to the data's own status.
        if item.status == 0 {
            #expect(result.status == 1, "\(result.stderr)")
            #expect(result.stderr.contains(": no estimate could be made; its report says why\n"), "\(result.stderr)")
        } else {
            #expect(result.status == item.status, "\(result.stderr)")
        }
        try Self.expectRunAgrees(result, with: validation, in: folder, name: item.case)
    }

    /// Checks that `awareness run` on data folder `name`, which gave `result`, agrees with `validation`: it prints
    /// every located error validate printed, and (unless the configuration was refused, when nothing is written)
    /// its manifest gives each file the counts validate gave, which add up, rejects.csv holds one line per rejected
    /// row (one line for a refused file), and the output folder holds the whole set of outputs and nothing else.
    static func expectRunAgrees(
        _ result: CommandRunner.Result, with validation: CommandRunner.Result, in folder: BadInputFolder,
        name: String
    ) throws {
        let out = folder.outputs(of: name)
        let written = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        if validation.status == 2 {
            #expect(result.stderr.hasPrefix("error: \(name)/campaigns.yaml"), "\(result.stderr)")
            #expect(result.stderr == validation.stderr)
            #expect(written.isEmpty, "\(written)")
            return
        }
        let located = validation.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("error: ") }
        for line in located {
            #expect(result.stderr.contains(line + "\n"), "missing \"\(line)\" in:\n\(result.stderr)")
        }
        let reports: URL
        if validation.status == 1 || validation.status == 3 {
            // Data over the threshold or a refused file: the outputs are not replaced; the night's diagnostics are
            // written beside them instead.
            #expect(written == ["reports.failed", "reports.failed.lock"])
            reports = out.appendingPathComponent("reports.failed")
            let diagnostics = try FileManager.default.contentsOfDirectory(atPath: reports.path).sorted()
            #expect(diagnostics == ["failed-night.md", "rejects.csv", "run-manifest.json"])
            #expect(result.stderr.contains("last night's outputs in "), "\(result.stderr)")
        } else {
            // Both folders are links into the store of nights beside them.
            #expect(
                written == [".reports.nights", "Notebooks-export", "Notebooks-export.lock", "reports", "reports.lock"])
            reports = out.appendingPathComponent("reports")
            for file in ["summary.md", "daily.csv", "weekly.csv", "uplift.csv", "uplift.json", "rejects.csv"] {
                #expect(FileManager.default.fileExists(atPath: reports.appendingPathComponent(file).path), "\(file)")
            }
        }

        let manifest = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: reports.appendingPathComponent("run-manifest.json")))
                as? [String: Any])
        let inputs = try #require(manifest["inputs"] as? [[String: Any]])
        let validated = fileCounts(validation.stdout)
        #expect(inputs.count == validated.count, "\(inputs) against \(validated)")
        let rejects = try csvRecords(String(contentsOf: reports.appendingPathComponent("rejects.csv"), encoding: .utf8))
        #expect(rejects.first == ["file", "line", "column", "reason", "value", "record"])
        var total = [0, 0, 0]
        for input in inputs {
            let path = try #require(input["path"] as? String)
            let counts = try ["rows_read", "rows_accepted", "rows_rejected"].map { try #require(input[$0] as? Int) }
            #expect(counts[0] == counts[1] + counts[2], "\(path): \(counts)")
            #expect(validated[path] == counts, "\(path): run \(counts), validate \(validated[path] ?? [])")
            let lines = rejects.dropFirst().filter { $0.first == path }
            if lines.contains(where: { $0.count > 3 && $0[3].hasPrefix("file refused: ") }) {
                #expect(lines.count == 1, "\(path): \(lines)")
            } else {
                #expect(lines.count == counts[2], "\(path): \(lines.count) lines in rejects.csv, \(counts[2]) rejected")
            }
            total = zip(total, counts).map { $0 + $1 }
        }
        #expect(
            result.stderr.contains(
                "read \(inputs.count) files: \(total[0]) rows, \(total[1]) accepted, \(total[2]) rejected\n"),
            "\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"), "\(result.stderr)")
    }

    /// The counts validate prints for each file (`  <file>: 3 read, 1 accepted, 2 rejected` or
    /// `  <file>: refused (1 read, 0 accepted, 1 rejected)`), by the file's path in the data folder.
    static func fileCounts(_ output: String) -> [String: [Int]] {
        let pattern = /^  ([^ ].*?): (?:refused \()?(\d+) read, (\d+) accepted, (\d+) rejected/
        var counts: [String: [Int]] = [:]
        for line in output.split(separator: "\n") {
            guard let match = try? pattern.prefixMatch(in: line),
                let read = Int(match.2), let accepted = Int(match.3), let rejected = Int(match.4)
            else { continue }
            counts[String(match.1)] = [read, accepted, rejected]
        }
        return counts
    }

    /// The records of RFC 4180 text: fields split on commas outside quotes, `""` inside quotes for a quote, records
    /// ending at a line feed outside quotes.
    static func csvRecords(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var characters = text.makeIterator()
        var pending = characters.next()
        while let character = pending {
            pending = characters.next()
            if quoted {
                if character == "\"" {
                    if pending == "\"" {
                        field.append("\"")
                        pending = characters.next()
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                record.append(field)
                field = ""
            } else if character == "\n" || character == "\r\n" {
                record.append(field)
                records.append(record)
                record = []
                field = ""
            } else {
                field.append(character)
            }
        }
        if !field.isEmpty || !record.isEmpty { records.append(record + [field]) }
        return records
    }

    // MARK: - Generated cases

    @Test func aTenMegabyteFieldIsRejectedWithItsLineInBoundedMemory() throws {
        let folder = try BadInputFolder()
        let feed = try folder.makeFolder("huge-field", feed: "helpline_calls")
        var text = "date,helpline,calls\n2020-05-04,119,5\n2020-05-05,119,"
        text += String(repeating: "7", count: 10 << 20) + "\n2020-05-06,\"" + String(repeating: "x", count: 10 << 20)
        text += "\",6\n"
        try Data(text.utf8).write(to: feed.appendingPathComponent("calls.csv"))
        let result = try folder.validate("huge-field")
        #expect(result.status == 0 || result.status == 1)
        #expect(result.stdout.contains("huge-field/helpline_calls/calls.csv:3:3: calls: \"7777"))
        #expect(result.stdout.contains("is too large for a count"))
        // A 10 MiB helpline is a runaway quoted field, not a series name.
        #expect(
            result.stdout.contains(
                "huge-field/helpline_calls/calls.csv:4:2: helpline: is 10485760 bytes long; a value may have at most 200"
            ))
        #expect(result.stdout.contains("calls.csv: 3 read, 1 accepted, 2 rejected"))
        #expect(Self.countsAddUp(result.stdout))
        #expect(try Self.peakMemory(validating: feed.deletingLastPathComponent()) < Self.memoryBound)
    }

    @Test func aLineOfAHundredThousandFieldsIsRejectedInBoundedMemory() throws {
        let folder = try BadInputFolder()
        let feed = try folder.makeFolder("wide-line", feed: "helpline_calls")
        let wide = (0..<100_000).map { "\($0)" }.joined(separator: ",")
        let text = "date,helpline,calls\n2020-05-04,119,5\n\(wide)\n"
        try Data(text.utf8).write(to: feed.appendingPathComponent("calls.csv"))
        let result = try folder.validate("wide-line")
        #expect(result.status == 1)
        #expect(
            result.stdout.contains(
                "wide-line/helpline_calls/calls.csv:3:4: expected 3 fields as in the header, found 100000"))
        #expect(Self.countsAddUp(result.stdout))
        #expect(try Self.peakMemory(validating: feed.deletingLastPathComponent()) < Self.memoryBound)
    }

    @Test func aHeaderOfAHundredThousandColumnsIsReadInBoundedMemory() throws {
        let folder = try BadInputFolder()
        let feed = try folder.makeFolder("wide-header", feed: "helpline_calls")
        let extra = (0..<100_000).map { "c\($0)" }.joined(separator: ",")
        let row = Array(repeating: "", count: 100_000).joined(separator: ",")
        let text = "date,helpline,calls,\(extra)\n2020-05-04,119,5,\(row)\n"
        try Data(text.utf8).write(to: feed.appendingPathComponent("calls.csv"))
        let result = try folder.validate("wide-header")
        #expect(result.status == 0)
        #expect(result.stdout.contains("calls.csv: 1 read, 1 accepted, 0 rejected"))
        #expect(try Self.peakMemory(validating: feed.deletingLastPathComponent()) < Self.memoryBound)
    }

    /// A folder inside a feed folder is a partition folder whatever its name (Spark writes `x.csv/part-0000.csv`):
    /// its files are read; an empty one is listed as skipped.
    @Test func aDirectoryNamedLikeAFeedFileIsReadAsAFolderOfFiles() throws {
        let folder = try BadInputFolder()
        let feed = try folder.makeFolder("directory", feed: "helpline_calls")
        try FileManager.default.createDirectory(
            at: feed.appendingPathComponent("x.csv"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            at: feed.appendingPathComponent("empty.csv"), withIntermediateDirectories: true)
        try Data("date,helpline,calls\n2020-05-04,119,5\n".utf8).write(
            to: feed.appendingPathComponent("x.csv/part-0000.csv"))
        let result = try folder.validate("directory")
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("  helpline_calls/x.csv/part-0000.csv: 1 read, 1 accepted, 0 rejected"))
        #expect(result.stdout.contains("  helpline_calls/empty.csv: skipped, not a feed file (empty folder)"))
        let run = try folder.run("directory")
        #expect(run.status == 1)
        try Self.expectRunAgrees(run, with: result, in: folder, name: "directory")
    }

    /// Root lists any folder whatever its permissions, so as root both commands run as `nobody`.
    @Test func aFolderInsideAFeedFolderThatCannotBeListedIsAnIOFailure() throws {
        let folder = try BadInputFolder()
        let feed = try folder.makeFolder("unlistable", feed: "helpline_calls")
        let partition = feed.appendingPathComponent("dt=2020-05-04")
        try FileManager.default.createDirectory(at: partition, withIntermediateDirectories: true)
        try Data("date,helpline,calls\n2020-05-04,119,5\n".utf8).write(
            to: partition.appendingPathComponent("part-0000.csv"))
        chmod(partition.path, 0)
        let result = try folder.validate("unlistable", unprivileged: true)
        #expect(result.status == 3, "\(result.stdout)")
        #expect(
            result.stdout.contains(
                "error: unlistable/helpline_calls/dt=2020-05-04: cannot be opened for reading (Permission denied)"))
        #expect(Self.countsAddUp(result.stdout))
        let run = try folder.run("unlistable", unprivileged: true)
        #expect(run.status == 3)
        try Self.expectRunAgrees(run, with: result, in: folder, name: "unlistable")
    }

    @Test func aSymbolicLinkLoopIsAnIOFailureSaidAsSuch() throws {
        let folder = try BadInputFolder()
        let feed = try folder.makeFolder("loop", feed: "helpline_calls")
        try FileManager.default.createSymbolicLink(
            atPath: feed.appendingPathComponent("a.csv").path, withDestinationPath: "b.csv")
        try FileManager.default.createSymbolicLink(
            atPath: feed.appendingPathComponent("b.csv").path, withDestinationPath: "a.csv")
        let result = try folder.validate("loop")
        #expect(result.status == 3)
        #expect(
            result.stdout.contains(
                "error: loop/helpline_calls/a.csv: cannot be opened for reading (Too many levels of symbolic links)"))
        #expect(
            result.stdout.contains(
                "error: loop/helpline_calls/b.csv: cannot be opened for reading (Too many levels of symbolic links)"))
        #expect(Self.countsAddUp(result.stdout))
        let run = try folder.run("loop")
        #expect(run.status == 3)
        try Self.expectRunAgrees(run, with: result, in: folder, name: "loop")
    }

    @Test func aDanglingSymbolicLinkIsAnIOFailure() throws {
        let folder = try BadInputFolder()
        let feed = try folder.makeFolder("dangling", feed: "helpline_calls")
        try FileManager.default.createSymbolicLink(
            atPath: feed.appendingPathComponent("a.csv").path, withDestinationPath: "gone.csv")
        let result = try folder.validate("dangling")
        #expect(result.status == 3)
        #expect(
            result.stdout.contains(
                "error: dangling/helpline_calls/a.csv: cannot be opened for reading (No such file or directory)"))
        let run = try folder.run("dangling")
        #expect(run.status == 3)
        try Self.expectRunAgrees(run, with: result, in: folder, name: "dangling")
    }

    /// Root reads any file whatever its permissions, so as root both commands run as `nobody` (see
    /// ``CommandRunner/run(_:in:unprivileged:)``), which can enter the folders but not read the file.
    @Test func anUnreadableFileIsAnIOFailure() throws {
        let folder = try BadInputFolder()
        let feed = try folder.makeFolder("unreadable", feed: "helpline_calls")
        let file = feed.appendingPathComponent("a.csv")
        try Data("date,helpline,calls\n2020-05-04,119,5\n".utf8).write(to: file)
        try Data("date,helpline,calls\n2020-05-05,119,6\n".utf8).write(to: feed.appendingPathComponent("b.csv"))
        chmod(file.path, 0)
        let result = try folder.validate("unreadable", unprivileged: true)
        #expect(result.status == 3, "\(result.stdout)\(result.stderr)")
        #expect(
            result.stdout.contains(
                "error: unreadable/helpline_calls/a.csv: cannot be opened for reading (Permission denied)"))
        #expect(result.stdout.contains("helpline_calls/b.csv: 1 read, 1 accepted, 0 rejected"))
        let run = try folder.run("unreadable", unprivileged: true)
        #expect(run.status == 3)
        try Self.expectRunAgrees(run, with: result, in: folder, name: "unreadable")
    }

    @Test func aDataFolderThatIsAFileIsAUsageError() throws {
        let folder = try BadInputFolder()
        try Data("x".utf8).write(to: folder.root.appendingPathComponent("file"))
        let result = try folder.validate("file")
        #expect(result.status == 2)
        #expect(result.stderr == "error: file: no such data folder\n")
    }

    @Test func aMissingCampaignFileIsReportedWithItsPath() throws {
        let folder = try BadInputFolder()
        try FileManager.default.createDirectory(
            at: folder.root.appendingPathComponent("nocalendar/helpline_calls"), withIntermediateDirectories: true)
        let result = try folder.validate("nocalendar")
        #expect(result.status == 2 || result.status == 3)
        #expect(result.stderr.hasPrefix("error: nocalendar/campaigns.yaml: "))
    }

    /// The peak resident set, in bytes, of one `awareness validate --data <folder>` run on its own (its output
    /// discarded). A child forked by this test process would inherit its high-water mark (Linux records the old
    /// address space's peak at exec), so a small Python process starts the run and reports its child's peak from
    /// `RUSAGE_CHILDREN` (kilobytes on Linux).
    static func peakMemory(validating folder: URL) throws -> Int {
        let script = """
            import resource, subprocess, sys
            subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [
            "-c", script, CommandRunner.executable.path, "validate", "--data", folder.path, "--language", "en",
        ]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return try #require(Int(text), "no peak reported: \(text)") * 1024
    }
}

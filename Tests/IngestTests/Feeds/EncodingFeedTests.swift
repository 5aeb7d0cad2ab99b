import Foundation
import Ingest
import Testing

/// Feeds exported in Windows-1252 or Latin-1: converted to UTF-8 before libcsv when `encoding:` says so, with the
/// lines and columns of the file.
@Suite("Encodings of the feeds")
struct EncodingFeedTests {
    static func options(_ encoding: TextEncoding) -> [Feed: FeedReadOptions] {
        [.helplineCalls: FeedReadOptions(encoding: encoding)]
    }

    /// `text` written in Windows-1252 (`é` as 0xE9, `€` as 0x80, `ô` as 0xF4); bytes written as `\u{...}` below
    /// 0x100 are those bytes.
    static func windows1252(_ text: String) throws -> Data {
        try #require(text.data(using: .windowsCP1252))
    }

    static let calls = "date,helpline,calls,coût (€)\n2020-05-04,Allô 119,812,5 €\n2020-05-05,Allô 119,-3,\n"

    @Test func readsAWindows1252FileAsItsText() throws {
        let bytes = try Self.windows1252(Self.calls)
        #expect(bytes.contains(0x80) && bytes.contains(0xF4) && bytes.contains(0xFB) && !bytes.contains(0xC3))
        let fixture = try DataFolderFixture([:])
        try fixture.write("helpline_calls/a.csv", bytes)
        let data = try fixture.read(options: Self.options(.windows1252))
        #expect(data.files[0].failure == nil)
        #expect(data.helplineCalls.map(\.helpline) == ["Allô 119"])
        #expect(data.files[0].unknownColumns == ["coût (€)"])
        #expect(
            data.rejects.map(\.placed) == [
                PlacedReject("helpline_calls/a.csv:3:3", .notACount(column: "calls", value: "-3", problem: .negative))
            ])
        #expect(data.rejects.map(\.record) == ["2020-05-05,Allô 119,-3,"])
        #expect(data.files[0].byteCount == bytes.count)
    }

    @Test func readsTheEuroSignAndAccentsOfWindows1252() throws {
        let fixture = try DataFolderFixture([:])
        // 0x80 is € in Windows-1252 and 0xE9 is é; 0x93 and 0x94 are curly quotes.
        try fixture.write(
            "helpline_calls/a.csv",
            Data("date,helpline,calls\n2020-05-04,".utf8) + Data([0x80, 0x20, 0xE9, 0x93, 0x94]) + Data(",7\n".utf8))
        let data = try fixture.read(options: Self.options(.windows1252))
        #expect(data.helplineCalls.map(\.helpline) == ["€ é\u{201C}\u{201D}"])
    }

    @Test func withoutTheSettingTheSameFileIsStillRefusedAtItsFirstNonUTF8Byte() throws {
        let fixture = try DataFolderFixture([:])
        try fixture.write("helpline_calls/a.csv", try Self.windows1252(Self.calls))
        let data = try fixture.read()
        let failure = try #require(data.files[0].failure)
        #expect((failure.line, failure.column) == (1, 23))
        #expect(failure.reason == .csv(.invalidUTF8(bytes: [0xFB])))
    }

    @Test func readsLatin1WhereEveryByteIsACharacter() throws {
        let fixture = try DataFolderFixture([:])
        try fixture.write(
            "helpline_calls/a.csv",
            Data("date,helpline,calls\n2020-05-04,".utf8) + Data([0xC9, 0x80, 0xE9]) + Data(",7\n".utf8))
        let data = try fixture.read(options: Self.options(.latin1))
        // In Latin-1 0x80 is U+0080 (a C1 control), not € as in Windows-1252. (0xC9 0x80 alone would be valid UTF-8,
        // read as such: the lone 0xE9 makes the file Latin-1.)
        #expect(data.helplineCalls.map(\.helpline) == ["\u{C9}\u{80}\u{E9}"])
        try fixture.write(
            "helpline_calls/a.csv",
            Data("date,helpline,calls\n2020-05-04,".utf8) + Data([0xC9, 0xE0]) + Data(",7\n".utf8))
        #expect(try fixture.read(options: Self.options(.latin1)).helplineCalls.map(\.helpline) == ["Éà"])
    }

    @Test func aByteThatIsNoCharacterInWindows1252RefusesTheFileAtItsLineAndColumn() throws {
        let fixture = try DataFolderFixture([:])
        try fixture.write(
            "helpline_calls/a.csv",
            Data("date,helpline,calls\r\n2020-05-04,119,7\r\n2020-05-05,1".utf8) + Data([0xE9, 0x81])
                + Data("9,7\r\n".utf8))
        let data = try fixture.read(options: Self.options(.windows1252))
        let failure = try #require(data.files[0].failure)
        #expect((failure.line, failure.column) == (3, 14))
        #expect(
            failure.reason == .csv(.undefinedByte(0x81, encoding: .windows1252)))
        #expect((data.files[0].rowsRead, data.files[0].rowsRejected) == (1, 1))
    }

    @Test func aFileWithAUTF8ByteOrderMarkIsReadAsUTF8WhateverTheSetting() throws {
        let fixture = try DataFolderFixture([:])
        try fixture.write(
            "helpline_calls/a.csv", Data([0xEF, 0xBB, 0xBF]) + Data("date,helpline,calls\n2020-05-04,Allô,7\n".utf8))
        let data = try fixture.read(options: Self.options(.windows1252))
        #expect(data.helplineCalls.map(\.helpline) == ["Allô"])
    }

    @Test func aGzipFileIsDecompressedThenConverted() throws {
        let fixture = try DataFolderFixture([:])
        let plain = fixture.root.appendingPathComponent("plain.csv")
        try FileManager.default.createDirectory(at: fixture.root, withIntermediateDirectories: true)
        try Self.windows1252(Self.calls).write(to: plain)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/gzip")
        process.arguments = ["-n", "-c", plain.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let compressed = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try FileManager.default.removeItem(at: plain)
        try fixture.write("helpline_calls/a.csv.gz", compressed)
        let data = try fixture.read(options: Self.options(.windows1252))
        #expect(data.helplineCalls.map(\.helpline) == ["Allô 119"])
        #expect(
            data.rejects.map(\.placed) == [
                PlacedReject(
                    "helpline_calls/a.csv.gz:3:3", .notACount(column: "calls", value: "-3", problem: .negative))
            ])
    }

    @Test func aLargeConvertedFileIsReadWholeWithTheLinesOfTheFile() throws {
        var text = "date,helpline,calls\n"
        for offset in 0..<3000 {
            text +=
                "\(CivilDate(daysSinceEpoch: 15_000 + offset)),Allô \(offset % 3),\(offset % 500 == 7 ? "x" : "9")\n"
        }
        let fixture = try DataFolderFixture([:])
        try fixture.write("helpline_calls/a.csv", try Self.windows1252(text))
        let parts = try fixture.read(
            options: Self.options(.windows1252), parallelism: IngestParallelism(parts: 8, minimumPartSize: 1024))
        let whole = try fixture.read(options: Self.options(.windows1252), parallelism: .sequential)
        #expect(parts == whole)
        #expect(whole.helplineCalls.count == 2994)
        #expect(whole.rejects.map(\.line) == [9, 509, 1009, 1509, 2009, 2509])
    }
}

// MARK: - A UTF-8 file in a feed declared otherwise

extension EncodingFeedTests {
    @Test(arguments: [TextEncoding.windows1252, .latin1])
    func aValidUTF8FileIsReadAsUTF8WithANoteNeverGarbled(declared: TextEncoding) throws {
        let fixture = try DataFolderFixture([
            "helpline_calls/a.csv": "date,helpline,calls\n2020-05-04,119,5\n2020-05-05,Allô 119,812\n"
        ])
        let data = try fixture.read(options: Self.options(declared))
        #expect(data.helplineCalls.map(\.helpline) == ["119", "Allô 119"])
        #expect(data.files[0].readAsUTF8 == ReadAsUTF8(declared: declared, firstLine: 3))
        #expect(data.files[0].failure == nil)
    }

    @Test func aFileInTheDeclaredEncodingIsConvertedWithoutANote() throws {
        let fixture = try DataFolderFixture([:])
        try fixture.write("helpline_calls/a.csv", try Self.windows1252(Self.calls))
        let data = try fixture.read(options: Self.options(.windows1252))
        #expect(data.helplineCalls.map(\.helpline) == ["Allô 119"])
        #expect(data.files[0].readAsUTF8 == nil)
    }

    @Test func anASCIIFileInAFeedDeclaredOtherwiseIsReadWithoutANote() throws {
        let data = try DataFolderFixture(["helpline_calls/a.csv": "date,helpline,calls\n2020-05-04,119,5\n"])
            .read(options: Self.options(.windows1252))
        #expect(data.helplineCalls.map(\.calls) == [5])
        #expect(data.files[0].readAsUTF8 == nil)
    }

    @Test func aUTF8FileWithACharacterAcrossTheCheckedBlocksIsStillUTF8() throws {
        // More than one block of the check (1 MiB), with the first character beyond ASCII, a two-byte `ô` in an
        // ignored column, across the first block's end.
        var text = "date,helpline,calls,note\n"
        var day = 0
        while text.utf8.count < (1 << 20) - 600 {
            // Notes long enough that the days stay in the past.
            text += "\(CivilDate(daysSinceEpoch: 10_000 + day)),119,\(day),\(String(repeating: "n", count: 200))\n"
            day += 1
        }
        let row = "\(CivilDate(daysSinceEpoch: 10_000 + day)),119,\(day),"
        text += row + String(repeating: "x", count: (1 << 20) - 1 - text.utf8.count - row.utf8.count) + "ô\n"
        text += "\(CivilDate(daysSinceEpoch: 10_001 + day)),Allô,1,\n"
        let bytes = Data(text.utf8)
        #expect(bytes[(1 << 20) - 1] == 0xC3 && bytes[1 << 20] == 0xB4)
        let fixture = try DataFolderFixture([:])
        try fixture.write("helpline_calls/a.csv", bytes)
        let data = try fixture.read(options: Self.options(.windows1252))
        #expect(data.helplineCalls.contains { $0.helpline == "Allô" })
        #expect(data.files[0].readAsUTF8 == ReadAsUTF8(declared: .windows1252, firstLine: day + 2))
        #expect(data.files[0].ignoredInvalidText == nil)
    }

    @Test func aPatternSetsTheEncodingOfTheFilesItMatches() throws {
        let fixture = try DataFolderFixture(["helpline_calls/utf8.csv": "date,helpline,calls\n2020-05-05,Allô,2\n"])
        try fixture.write("helpline_calls/ansi.csv", try Self.windows1252("date,helpline,calls\n2020-05-04,Allô,1\n"))
        let options = FeedReadOptions(files: [.init(pattern: "ansi.csv", encoding: .windows1252)])
        let data = try fixture.read(options: [.helplineCalls: options])
        #expect(data.helplineCalls.map(\.helpline) == ["Allô", "Allô"])
        #expect(data.files.allSatisfy { $0.readAsUTF8 == nil && $0.failure == nil })
    }
}

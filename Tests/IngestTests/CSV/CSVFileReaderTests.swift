import Foundation
import Ingest
import Testing

@Suite("CSV file reader")
struct CSVFileReaderTests {
    struct Parsed: Equatable {
        var lines: [Int]
        var records: [[String]]
        var delimiter: UInt8
    }

    func read(_ bytes: [UInt8], delimiter: UInt8? = nil, blockSize: Int = 1 << 20) throws -> Parsed {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("reader-\(UUID().uuidString).csv")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var parsed = Parsed(lines: [], records: [], delimiter: 0)
        let summary = try CSVFileReader(delimiter: delimiter, blockSize: blockSize).read(path: url.path) { record in
            parsed.lines.append(record.line)
            parsed.records.append(record.strings)
        }
        parsed.delimiter = summary.delimiter
        return parsed
    }

    func read(_ text: String, blockSize: Int = 1 << 20) throws -> Parsed {
        try read(Array(text.utf8), blockSize: blockSize)
    }

    func failure(_ bytes: [UInt8]) throws -> CSVFileError {
        try #require(throws: CSVFileError.self) { try read(bytes) }
    }
}

// MARK: - Lines

extension CSVFileReaderTests {
    @Test func knowsThePhysicalLineOfEveryRecordAfterQuotedNewlines() throws {
        let parsed = try read("date,note\n2020-01-01,\"two\nlines\"\n2020-01-02,plain\n\n2020-01-03,\"a\r\nb\r\nc\"\n")
        #expect(parsed.lines == [1, 2, 4, 6])
        #expect(parsed.records[1] == ["2020-01-01", "two\nlines"])
        #expect(parsed.records[3] == ["2020-01-03", "a\r\nb\r\nc"])
    }

    @Test(arguments: [1, 2, 3, 7, 64])
    func givesTheSameRecordsWhateverTheBlockSize(blockSize: Int) throws {
        let text = "a;b\n\"x;\ny\";é\u{1F600}\r\n1;\"2\"\"\"\r\nlast;row"
        let whole = try read(text)
        #expect(try read(text, blockSize: blockSize) == whole)
        #expect(whole.lines == [1, 2, 4, 5])
        #expect(whole.records == [["a", "b"], ["x;\ny", "é\u{1F600}"], ["1", "2\""], ["last", "row"]])
    }

    @Test(arguments: [1, 2, 5, 64, 1 << 20])
    func countsBlankLinesCRLFAndQuotedLineEndsWhateverTheBlockSize(blockSize: Int) throws {
        let text = "h1,h2\r\n\r\n  \n\ta,b\r\n\"q\r\nr\n\",c\n\"\"\"\n\"\"\",d\r\ne,\"f\"  \n\n\ng,h"
        let parsed = try read(text, blockSize: blockSize)
        #expect(parsed.lines == [1, 4, 5, 8, 10, 13])
        #expect(
            parsed.records == [
                ["h1", "h2"], ["a", "b"], ["q\r\nr\n", "c"], ["\"\n\"", "d"], ["e", "f"], ["g", "h"],
            ])
    }

    /// Large blocks are parsed in slices of 64 KiB. A quoted field whose line feed is just before a slice boundary
    /// and whose end is after it must move the lines of the records after it, even when the next slice holds no
    /// quoted line feed of its own.
    @Test(arguments: [1 << 20, 100_003, 65_537])
    func knowsTheLinesAfterAQuotedLineFeedCutFromItsRecordBySliceOrBlock(blockSize: Int) throws {
        var text = "note,n\n"
        var expectedLines = [1]
        var line = 2
        var index = 0
        func append(_ record: String, lines: Int) {
            expectedLines.append(line)
            text += record
            line += lines
            index += 1
        }
        func appendPlainRecords(upTo size: Int) {
            while text.utf8.count < size {
                switch index % 5 {
                case 1: append("Île-de-France \(index),\(index)\r\n", lines: 1)
                case 3: append("plain \(index),\(index)\n\n", lines: 2)
                default: append("row \(index),\(index)\n", lines: 1)
                }
            }
        }
        for boundary in [65_536, 3 * 65_536] {
            appendPlainRecords(upTo: boundary - 40)
            let before = boundary - 2 - text.utf8.count
            append("\"\(String(repeating: "x", count: before))\nafter the cut\",\(index)\n", lines: 2)
            #expect(Array(text.utf8)[boundary - 1] == 0x0A)
        }
        appendPlainRecords(upTo: 5 * 65_536)
        let parsed = try read(text, blockSize: blockSize)
        #expect(parsed.lines == expectedLines)
        #expect(parsed.records.count == expectedLines.count)
        #expect(parsed.records.filter { $0[0].hasSuffix("x\nafter the cut") }.count == 2)
    }

    /// Line feeds are counted sixteen bytes at a time in byte-wide counters: long runs of them, plain and between
    /// multi-byte characters, must not overflow the counters.
    @Test func countsLongRunsOfBlankLines() throws {
        let blank = String(repeating: "\n", count: 10_000)
        let text = "a,b\n" + blank + "é,d\n" + blank + blank + "e,f\n" + blank
        let parsed = try read(text)
        #expect(parsed.lines == [1, 10_002, 30_003])
        #expect(parsed.records == [["a", "b"], ["é", "d"], ["e", "f"]])
        // The line of a syntax error in a later slice is counted from the line feeds of the slices before it.
        let rows = String(repeating: "g,h\n", count: 20_000)
        let error = try #require(throws: CSVFileError.self) { try read(text + rows + "x\"y\n") }
        #expect((error.kind, error.line, error.column) == (.syntax, 60_004, 2))
    }

    @Test(arguments: [1, 3, 64])
    func givesRecordsEndedByALoneCarriageReturnTheLineTheyShare(blockSize: Int) throws {
        let parsed = try read("a,b\rc,d\n\"e\ne\"\rf,g\n", blockSize: blockSize)
        #expect(parsed.lines == [1, 1, 2, 3])
        #expect(parsed.records == [["a", "b"], ["c", "d"], ["e\ne"], ["f", "g"]])
    }

    @Test(arguments: [1, 3, 64])
    func locatesASyntaxErrorByCharacterWhateverTheBlockSize(blockSize: Int) throws {
        let error = try #require(throws: CSVFileError.self) {
            try read("a,b\n\"x\ny\",2\n1,\"é\"x\n", blockSize: blockSize)
        }
        #expect((error.kind, error.line, error.column) == (.syntax, 4, 6))
    }
}

// MARK: - Dialect

extension CSVFileReaderTests {
    @Test func stripsAUTF8ByteOrderMark() throws {
        let parsed = try read([0xEF, 0xBB, 0xBF] + Array("date,calls\n2020-01-01,3\n".utf8))
        #expect(parsed.records == [["date", "calls"], ["2020-01-01", "3"]])
    }

    @Test(arguments: [(",", UInt8(ascii: ",")), (";", UInt8(ascii: ";")), ("\t", UInt8(ascii: "\t"))])
    func detectsTheDelimiterFromTheHeaderLine(separator: String, expected: UInt8) throws {
        let text =
            ["date", "helpline", "\"a,b;c\""].joined(separator: separator) + "\n1" + separator + "2" + separator
            + "3\n"
        let parsed = try read(text)
        #expect(parsed.delimiter == expected)
        #expect(parsed.records[1] == ["1", "2", "3"])
    }

    @Test func dropsSpacesAroundUnquotedFieldsAndKeepsThemInsideQuotes() throws {
        #expect(try read("a,b,c\n 1 , \" 2 \" ,x y\n").records[1] == ["1", " 2 ", "x y"])
    }

    @Test func keepsEmptyFieldsBetweenTabs() throws {
        let parsed = try read("date\thelpline\tcalls\tnote\n2020-05-04\t\t700\t a b \n")
        #expect(parsed.delimiter == 0x09)
        #expect(parsed.records[1] == ["2020-05-04", "", "700", "a b"])
    }

    @Test func treatsCRLFAndLFAlikeAndIgnoresBlankLinesAtTheEnd() throws {
        #expect(try read("a,b\r\n1,2\r\n\r\n\n").records == [["a", "b"], ["1", "2"]])
        #expect(try read("a,b\n1,2").records == [["a", "b"], ["1", "2"]])
    }
}

// MARK: - Bad files

extension CSVFileReaderTests {
    @Test func reportsAnUnterminatedQuoteWithTheLineItOpensOn() throws {
        let error = try failure(Array("a,b\n1,2\n3,\"never closed\n4,5\n".utf8))
        #expect(error.kind == .syntax)
        #expect(error.line == 3)
        #expect(error.problem == .unclosedQuote(openedOnLine: 3))
    }

    @Test func reportsTextAfterAClosingQuoteWithItsColumn() throws {
        let error = try failure(Array("a,b\n\"é\"x,2\n".utf8))
        #expect(error.kind == .syntax)
        #expect((error.line, error.column) == (2, 4))
        #expect(error.problem == .textAfterClosingQuote)
    }

    @Test func reportsInvalidUTF8WithLineAndColumn() throws {
        let error = try failure(Array("helpline,calls\n".utf8) + [0x31, 0x31, 0x39, 0xE9, 0x2C, 0x31, 0x0A])
        #expect(error.kind == .encoding)
        #expect((error.line, error.column) == (2, 4))
        #expect(error.problem == .invalidUTF8(bytes: [0xE9, 0x2C, 0x31]))
    }

    @Test(
        arguments: [
            [0xC3, 0x28], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF0, 0x80, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80],
            [0xE2, 0x82, 0x41], [0xC0, 0xAF], [0xF5, 0x80, 0x80, 0x80],
        ] as [[UInt8]])
    func refusesMalformedMultiByteSequencesAtTheirColumn(sequence: [UInt8]) throws {
        let error = try failure(Array("a,b\né,".utf8) + sequence + [0x0A])
        #expect(error.kind == .encoding)
        #expect((error.line, error.column) == (2, 3))
        #expect(error.problem.caseName == "invalidUTF8")
        if case .invalidUTF8(let bytes) = error.problem { #expect(bytes.first == sequence[0]) }
        // Blocks of 8 bytes end just after the lead byte: the sequence is completed from the next block.
        let split = try #require(throws: CSVFileError.self) {
            try read(Array("a,b\né,".utf8) + sequence + [0x0A], blockSize: 8)
        }
        #expect((split.kind, split.line, split.problem) == (.encoding, 2, error.problem))
    }

    @Test func reportsAUTF8SequenceCutByTheEndOfTheFile() throws {
        #expect(try failure(Array("a,b\n1,".utf8) + [0xC3]).kind == .encoding)
    }

    @Test func refusesUTF16AndNULBytes() throws {
        #expect(try failure([0xFF, 0xFE, 0x61, 0x00]).problem == .utf16)
        let nul = try failure(Array("a,b\n1,".utf8) + [0x00, 0x0A])
        #expect((nul.kind, nul.line, nul.column) == (.encoding, 2, 3))
    }

    @Test func refusesAnEmptyFile() throws {
        #expect(try failure([]).kind == .empty)
        #expect(try failure(Array("\n\n".utf8)).kind == .empty)
    }

    @Test func refusesADirectoryAndAMissingFile() throws {
        let directory = FileManager.default.temporaryDirectory.path
        let error = try #require(throws: CSVFileError.self) { try CSVFileReader().read(path: directory) { _ in } }
        #expect(error.kind == .io)
        let missing = try #require(throws: CSVFileError.self) {
            try CSVFileReader().read(path: "/nonexistent.csv") { _ in }
        }
        #expect(missing.problem == .noSuchFile)
    }
}

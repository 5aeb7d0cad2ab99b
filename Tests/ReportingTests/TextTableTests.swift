import Reporting
import Testing

/// Tables for people: markdown to paste into a report, plain text within a terminal's width.
@Suite("Text tables")
struct TextTableTests {
    /// A table of estimates like `awareness uplift`'s: a series to group by, text columns that may wrap, detail
    /// columns and notes.
    static let estimates = TextTable(
        columns: [
            TextTable.Column("series", role: .grouping, isData: true),
            TextTable.Column("method", wraps: true),
            TextTable.Column("observed", alignment: .right),
            TextTable.Column("expected", alignment: .right),
            TextTable.Column("p", alignment: .right),
            TextTable.Column("φ", alignment: .right, role: .secondary),
        ],
        rows: [
            TextTable.Row(
                ["calls:119", "Before vs during", "14,032", "17,926 (17,058 to 18,838)", "p < 0.001", "26.67"],
                notes: ["baseline 2020-04-06–2020-05-03", "the interval would be narrow (φ > 1.5)"]),
            TextTable.Row(
                [
                    "calls:119", "Model without the overlapping events", "14,032", "12,178 (11,572 to 12,793)",
                    "p = 0.49",
                    "3.35",
                ],
                notes: ["the interval would be narrow (φ > 1.5)"]),
            TextTable.Row(["hashtag_page", "Year over year", "627", "573 (494 to 665)", "p = 0.24", ""]),
        ], notesHeader: "note")

    @Test func markdownEscapesTheDataAndJoinsTheNotesInTheirColumn() {
        let markdown = Self.estimates.markdown
        #expect(markdown.contains("| hashtag\\_page "))
        #expect(markdown.contains("baseline 2020-04-06–2020-05-03; the interval would be narrow (φ &gt; 1.5) |"))
        #expect(markdown.contains("| 17,926 (17,058 to 18,838) |"))
        #expect(markdown.hasPrefix("| series "))
    }

    @Test func frenchNotesAreJoinedWithTheFrenchSemicolon() {
        let table = TextTable(
            columns: [TextTable.Column("série")], rows: [TextTable.Row(["calls:119"], notes: ["un", "deux"])],
            notesHeader: "note", noteSeparator: "\u{202F}; ")
        #expect(table.markdown.contains("un\u{202F}; deux"))
    }

    @Test func aTableThatFitsIsPrintedFlatWithItsNotesNumberedBelow() {
        let text = Self.estimates.text(width: 200)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0].hasPrefix("series        method"))
        #expect(lines[1].hasPrefix("------------  ------"))
        #expect(lines[2].hasPrefix("calls:119     Before vs during"))
        #expect(lines[2].hasSuffix("[1] [2]"))
        // The same note keeps its number.
        #expect(lines[3].hasSuffix("[2]"))
        #expect(lines[4].hasPrefix("hashtag_page  Year over year"))
        #expect(!text.contains("&gt;") && !text.contains("\\_") && !text.contains("|"))
        #expect(text.hasSuffix("[1] baseline 2020-04-06–2020-05-03\n[2] the interval would be narrow (φ > 1.5)\n"))
    }

    @Test func aTableTooWideGroupsItsRowsUnderHeadingsAndMovesTheDetailUnderEachRow() {
        let text = Self.estimates.text(width: 100)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("  method"))
        #expect(!lines[0].contains("series") && !lines[0].contains("φ"))
        #expect(lines[2] == "calls:119")
        #expect(lines[3].hasPrefix("  Before vs during"))
        #expect(lines[4] == "        φ 26.67 · note [1] [2]")
        #expect(lines.contains("hashtag_page"))
        // A row without detail has no line under it.
        #expect(lines.last { $0.hasPrefix("  Year over year") } != nil)
    }

    @Test(arguments: [120, 100, 80, 60, 40, 30])
    func everyLineIsWithinTheWidth(width: Int) {
        let text = Self.estimates.text(width: width)
        for line in text.split(separator: "\n") {
            #expect(TerminalText.width(line) <= width, "\(line)")
        }
        // Nothing is lost: every cell's words are still there.
        for word in ["overlapping", "17,926", "26.67", "hashtag_page", "2020-04-06–2020-05-03"] {
            #expect(text.contains(word), "\(word) at \(width) columns")
        }
    }

    @Test func wrappingColumnsWrapAtSpacesWhenTheDetailLineIsNotEnough() {
        let text = Self.estimates.text(width: 72)
        #expect(text.contains("  Model without the"))
        #expect(text.contains("  overlapping events"))
    }

    @Test func aNarrowNoBreakSpaceCountsOneColumnAndNeverBreaks() {
        let number = "15\u{202F}234\u{202F}%"
        #expect(TerminalText.width(number) == 8)
        let lines = TerminalText.wrap("environ \(number) de plus", width: 10)
        #expect(lines == ["environ", number, "de plus"])
    }

    @Test func wrappingHangsTheLinesAfterTheFirstAndCutsAWordLongerThanALine() {
        #expect(
            TerminalText.wrap("[1] one two three four", width: 12, hangingIndent: "    ")
                == ["[1] one two", "    three", "    four"])
        #expect(TerminalText.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(TerminalText.wrap("", width: 4, indent: "  ") == [""])
    }
}

import Ingest
import Testing

/// `ShownText`: the one rule by which names, ids and values reach a terminal.
@Suite("Text shown on a terminal")
struct ShownTextTests {
    @Test func escapesEveryControlCharacterAsSwiftWritesIt() {
        #expect(ShownText.escapingControls("c-\u{1B}[31mred.csv") == "c-\\u{1B}[31mred.csv")
        #expect(ShownText.escapingControls("a\tb\rc\nd\u{7F}e\u{9B}f") == "a\\tb\\rc\\nd\\u{7F}e\\u{009B}f")
    }

    @Test func keepsLineFeedsOfABlockOfLinesWhenAsked() {
        #expect(ShownText.escapingControls("one\n\u{07}two\n", keepingLineFeeds: true) == "one\n\\u{07}two\n")
    }

    @Test func leavesPrintableTextAsItIs() {
        let text = "Bannière « 119 » – 20 %"
        #expect(ShownText.escapingControls(text) == text)
    }
}

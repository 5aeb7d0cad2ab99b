import Reporting
import Testing

@Suite("Markdown")
struct MarkdownTests {
    let hostileCampaign = "Spring | <script>alert(1)</script> =HYPERLINK(\"x\")"

    @Test func escapesACampaignNameSoNoHtmlOrCellBoundaryGetsThrough() {
        let escaped = Markdown.escape(hostileCampaign)
        #expect(escaped == "Spring \\| &lt;script&gt;alert(1)&lt;/script&gt; =HYPERLINK(\"x\")")
        #expect(!escaped.contains("<"))
    }

    @Test func escapesEveryMarkdownSpecialCharacterOfAHashtag() {
        #expect(Markdown.escape("#a*b_c|d") == "\\#a\\*b\\_c\\|d")
        #expect(Markdown.escape("[link](x) `code` \\ & ~~x~~") == "\\[link\\](x) \\`code\\` \\\\ &amp; \\~\\~x\\~\\~")
    }

    @Test func turnsLineBreaksIntoSpacesAndNeutralisesLineStarts() {
        #expect(Markdown.escape("one\ntwo\r\nthree\rfour") == "one two three four")
        #expect(Markdown.escape("- item") == "\\- item")
        #expect(Markdown.escape("2020. A year") == "2020\\. A year")
        #expect(Markdown.escape("a-b") == "a-b")
    }

    /// Bare addresses in data values would become links in a report rendered by GitHub (cmark-gfm's autolink
    /// extension); the escapes below were checked with cmark-gfm to render the text unchanged and unlinked.
    @Test func breaksEveryAutolinkSoNoAddressFromTheDataBecomesALink() {
        #expect(Markdown.escape("https://evil.example/x") == "https\\://evil.example/x")
        #expect(Markdown.escape("see HTTP://a.b and ftp://c.d") == "see HTTP\\://a.b and ftp\\://c.d")
        #expect(Markdown.escape("www.evil.example") == "www\\.evil.example")
        #expect(Markdown.escape("go to WWW.evil.example") == "go to WWW\\.evil.example")
        #expect(Markdown.escape("me@evil.example") == "me\u{2060}@evil.example")
        // Words that only look alike are left as they are.
        #expect(Markdown.escape("awww.b calls:119 12:30 @handle a @ b") == "awww.b calls:119 12:30 @handle a @ b")
    }

    @Test func fencesABlockWithMoreBackticksThanItsBody() {
        #expect(Markdown.fencedBlock("a ```` b", info: "mermaid") == "`````mermaid\na ```` b\n`````\n")
    }
}

@Suite("Markdown table")
struct MarkdownTableTests {
    @Test func rendersAnAlignedGitHubTable() {
        let table = MarkdownTable(
            headers: ["Campaign", "Calls"], alignments: [.left, .right], rows: [["Spring", "15,234"], ["A", "7"]])
        #expect(
            table.markdown == """
                | Campaign |  Calls |
                | :------- | -----: |
                | Spring   | 15,234 |
                | A        |      7 |

                """)
    }

    @Test func keepsItsStructureWhateverTheCellsHold() {
        let hostile = "Spring | <script>alert(1)</script> =HYPERLINK(\"x\")"
        let table = MarkdownTable(
            headers: ["Campaign", "Hashtag"],
            rows: [[Markdown.escape(hostile), Markdown.escape("#a*b_c|d")], ["raw | pipe\nnew line", "x", "extra"]])
        let lines = table.markdown.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        for line in lines {
            // Every line has the same number of unescaped cell boundaries.
            let boundaries = line.indices.filter {
                line[$0] == "|" && ($0 == line.startIndex || line[line.index(before: $0)] != "\\")
            }
            #expect(boundaries.count == 4)
        }
        #expect(lines[2].contains("Spring \\| &lt;script&gt;"))
        #expect(lines[3].contains("raw \\| pipe new line"))
        #expect(lines[3].contains("extra"))
    }
}

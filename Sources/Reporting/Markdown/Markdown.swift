/// Markdown helpers for text that comes from data (campaign names, hashtags, file names).
public enum Markdown {
    /// `text` made inert for GitHub-flavoured markdown, on one line.
    ///
    /// - `\`, `|`, `*`, `_`, `` ` ``, `[`, `]`, `~` get a backslash, so no emphasis, code, link or table
    ///   cell boundary comes from data;
    /// - `&`, `<`, `>` become `&amp;`, `&lt;`, `&gt;`, so no raw HTML (or script) gets through;
    /// - `#`, `-`, `+`, `=` at the start and a `.` or `)` after leading digits get a backslash, so the
    ///   text never becomes a heading, list item or setext underline;
    /// - line breaks (LF, CR, CRLF, U+2028, U+2029) become one space and other control characters are
    ///   dropped, so the text stays inside its paragraph or table cell;
    /// - nothing becomes a link, as GitHub's autolink extension would make of bare addresses in text: the `:` of
    ///   `://` (`https\://evil.example`) and the `.` after a word `www` (`www\.evil.example`) get a backslash,
    ///   which cmark-gfm honours (the text reads the same), and a word joiner (U+2060, invisible) goes before an
    ///   `@` that follows a letter, digit or `.`, `_`, `+`, `-`, since no escape there stops an e-mail link.
    public static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        var atStart = true
        var leadingDigits = true
        var previousWasCarriageReturn = false
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            if breaksAutolink(scalars, at: index) {
                if scalar == "@" { output += "\u{2060}" } else { output += "\\" }
            }
            if scalar == "\n" && previousWasCarriageReturn {
                previousWasCarriageReturn = false
                continue
            }
            previousWasCarriageReturn = scalar == "\r"
            switch scalar {
            case "\n", "\r", "\u{2028}", "\u{2029}":
                output += " "
                continue
            case "\\", "|", "*", "_", "`", "[", "]", "~":
                output += "\\" + String(scalar)
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case _ where atStart && ["#", "-", "+", "="].contains(scalar):
                output += "\\" + String(scalar)
            case _ where leadingDigits && !atStart && (scalar == "." || scalar == ")"):
                output += "\\" + String(scalar)
            default:
                if scalar.properties.generalCategory == .control { continue }
                output.unicodeScalars.append(scalar)
            }
            leadingDigits = leadingDigits && ("0"..."9").contains(scalar)
            atStart = false
        }
        return output
    }

    /// Whether the scalar at `index` is where an autolink of cmark-gfm would start to be recognised: the `:` of
    /// `://`, the `.` of a word `www.`, or an `@` after a character an e-mail address's local part may hold.
    private static func breaksAutolink(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        switch scalars[index] {
        case ":":
            return index + 2 < scalars.count && scalars[index + 1] == "/" && scalars[index + 2] == "/"
        case ".":
            guard index >= 3 else { return false }
            let word = scalars[(index - 3)..<index].map { Character($0).lowercased() }.joined()
            let startsWord = index == 3 || !scalars[index - 4].properties.isAlphabetic
            return word == "www" && startsWord
        case "@":
            guard index > 0 else { return false }
            let before = scalars[index - 1]
            return before.properties.isAlphabetic || ("0"..."9").contains(before)
                || "._+-".unicodeScalars.contains(before)
        default:
            return false
        }
    }

    /// A level-`level` heading (1–6) whose text comes from data: `## Spring \| campaign`.
    public static func heading(_ text: String, level: Int) -> String {
        String(repeating: "#", count: min(max(level, 1), 6)) + " " + escape(text)
    }

    /// A fenced code block with `info` (for example `mermaid`), fenced with more backticks than the body
    /// contains in a row, so the body cannot close the fence.
    public static func fencedBlock(_ body: String, info: String) -> String {
        var longest = 0
        var run = 0
        for character in body {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        let trimmed = body.hasSuffix("\n") ? String(body.dropLast()) : body
        return "\(fence)\(info)\n\(trimmed)\n\(fence)\n"
    }
}

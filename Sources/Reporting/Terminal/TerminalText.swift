/// Plain text laid out for a terminal: widths as a terminal counts them and words wrapped within a width.
///
/// A width is the number of Unicode scalars, the columns a terminal gives the text of these reports (digits,
/// letters with their accents precomposed, `φ`, `–`, `×`, and the no-break spaces U+00A0 and U+202F each take
/// one). Lines break only at ordinary spaces (U+0020): the no-break spaces of French typography (`15 234`,
/// `20 %`, `semaine : `) keep their neighbours together, as they do on paper.
public enum TerminalText {
    /// The columns a terminal gives `text` (one per Unicode scalar).
    public static func width(_ text: some StringProtocol) -> Int {
        text.unicodeScalars.count
    }

    /// `text` padded with spaces to `width` columns, on the right (`.left`, `.center`) or on the left (`.right`).
    static func pad(_ text: String, to width: Int, _ alignment: MarkdownTable.Alignment) -> String {
        let missing = max(0, width - Self.width(text))
        switch alignment {
        case .left: return text + String(repeating: " ", count: missing)
        case .right: return String(repeating: " ", count: missing) + text
        case .center:
            let before = missing / 2
            return String(repeating: " ", count: before) + text + String(repeating: " ", count: missing - before)
        }
    }

    /// The longest run of `text` that has no ordinary space: the narrowest `wrap` can go without cutting a word.
    static func longestWord(_ text: String) -> Int {
        text.split(separator: " ").map { width($0) }.max() ?? 0
    }

    /// `text` wrapped into lines of at most `width` columns, the first starting with `indent` and the others with
    /// `hangingIndent`; a word longer than a whole line is cut (the only way to keep within the width). Runs of
    /// spaces between words become one; an empty text is one line holding the indent alone, trimmed.
    public static func wrap(_ text: String, width: Int, indent: String = "", hangingIndent: String = "") -> [String] {
        let width = max(width, Self.width(indent) + 1, Self.width(hangingIndent) + 1)
        var lines: [String] = []
        var line = indent
        var lineHasWord = false
        func finish() {
            lines.append(line)
            line = hangingIndent
            lineHasWord = false
        }
        for word in text.split(separator: " ").map(String.init) {
            let separator = lineHasWord ? 1 : 0
            if lineHasWord, Self.width(line) + separator + Self.width(word) > width { finish() }
            var rest = word
            while Self.width(line) + (lineHasWord ? 1 : 0) + Self.width(rest) > width {
                let room = width - Self.width(line) - (lineHasWord ? 1 : 0)
                guard room > 0 else {
                    finish()
                    continue
                }
                let scalars = Array(rest.unicodeScalars)
                var head = String.UnicodeScalarView()
                head.append(contentsOf: scalars.prefix(room))
                var tail = String.UnicodeScalarView()
                tail.append(contentsOf: scalars.dropFirst(room))
                line += (lineHasWord ? " " : "") + String(head)
                lineHasWord = true
                finish()
                rest = String(tail)
            }
            guard !rest.isEmpty else { continue }
            line += (lineHasWord ? " " : "") + rest
            lineHasWord = true
        }
        if lineHasWord || lines.isEmpty {
            lines.append(lineHasWord ? line : trimmedTrailingSpaces(line))
        }
        return lines
    }

    /// `line` without the spaces at its end.
    static func trimmedTrailingSpaces(_ line: String) -> String {
        var scalars = Substring(line).unicodeScalars
        while scalars.last == " " { scalars.removeLast() }
        return String(scalars)
    }
}

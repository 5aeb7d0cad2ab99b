/// A GitHub-flavoured markdown table of already formatted cells.
///
/// Cells are markdown: escape text from data with ``Markdown/escape(_:)`` before putting it in a cell.
/// The table itself keeps its structure whatever the cells hold: line breaks become spaces and a `|`
/// that is not already escaped gets a backslash. Columns are padded with spaces so the raw text reads
/// as a table too. Rows shorter than the widest row are padded with empty cells; headers are padded
/// the same way, so no cell is ever dropped.
public struct MarkdownTable: Sendable, Equatable {
    /// How a column's cells are aligned.
    public enum Alignment: Sendable, Equatable {
        /// Left-aligned (`:---`), for text.
        case left
        /// Right-aligned (`---:`), for numbers.
        case right
        /// Centred (`:---:`).
        case center
    }

    /// The header cells.
    public let headers: [String]
    /// One alignment per column; missing ones are `.left`.
    public let alignments: [Alignment]
    /// The body rows.
    public let rows: [[String]]

    /// Creates a table.
    public init(headers: [String], alignments: [Alignment] = [], rows: [[String]]) {
        self.headers = headers
        self.alignments = alignments
        self.rows = rows
    }

    /// The table as markdown lines ending in a newline.
    public var markdown: String {
        let columnCount = max(headers.count, rows.map(\.count).max() ?? 0, 1)
        func normalised(_ cells: [String]) -> [String] {
            (0..<columnCount).map { $0 < cells.count ? Self.cell(cells[$0]) : "" }
        }
        let header = normalised(headers)
        let body = rows.map(normalised)
        let alignment = (0..<columnCount).map { $0 < alignments.count ? alignments[$0] : .left }
        var widths = header.map { max($0.count, 3) }
        for row in body {
            for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            let padded = cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return alignment[column] == .right ? padding + cell : cell + padding
            }
            return "| " + padded.joined(separator: " | ") + " |"
        }
        let rule = (0..<columnCount).map { column -> String in
            let width = widths[column]
            switch alignment[column] {
            case .left: return ":" + String(repeating: "-", count: width - 1)
            case .right: return String(repeating: "-", count: width - 1) + ":"
            case .center: return ":" + String(repeating: "-", count: width - 2) + ":"
            }
        }
        return ([line(header), "| " + rule.joined(separator: " | ") + " |"] + body.map(line))
            .joined(separator: "\n") + "\n"
    }

    /// A cell on one line with every unescaped `|` escaped.
    private static func cell(_ text: String) -> String {
        var output = ""
        var backslashes = 0
        var previousWasCarriageReturn = false
        for character in text.unicodeScalars {
            if character == "\n" && previousWasCarriageReturn {
                previousWasCarriageReturn = false
                continue
            }
            previousWasCarriageReturn = character == "\r"
            switch character {
            case "\n", "\r", "\u{2028}", "\u{2029}":
                output += " "
                backslashes = 0
            case "|":
                if backslashes % 2 == 0 { output += "\\" }
                output += "|"
                backslashes = 0
            case "\\":
                output += "\\"
                backslashes += 1
            default:
                output.unicodeScalars.append(character)
                backslashes = 0
            }
        }
        return output.trimmingWhitespace()
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}

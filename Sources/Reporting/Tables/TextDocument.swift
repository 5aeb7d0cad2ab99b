/// What a query command prints for people: sentences and tables, rendered as markdown or as plain text within a
/// terminal's width.
public struct TextDocument: Sendable, Equatable {
    /// One part of the document.
    public enum Block: Sendable, Equatable {
        /// A sentence or paragraph: plain text, and the same as markdown (its text from the data escaped).
        case paragraph(text: String, markdown: String)
        /// A table.
        case table(TextTable)
        /// An empty line.
        case blank

        /// A paragraph with no text from the data: the same words in plain text and in markdown.
        public static func sentence(_ text: String) -> Block {
            .paragraph(text: text, markdown: text)
        }
    }

    /// How the document is rendered.
    public enum Rendering: Sendable, Equatable {
        /// Markdown, to paste into a report.
        case markdown
        /// Plain text whose lines are at most `width` columns.
        case text(width: Int)
    }

    /// The blocks, in order.
    public let blocks: [Block]

    /// A document of `blocks`.
    public init(_ blocks: [Block]) {
        self.blocks = blocks
    }

    /// The document rendered as `rendering`, every line ending in a newline.
    public func rendered(_ rendering: Rendering) -> String {
        blocks.map { block -> String in
            switch (block, rendering) {
            case (.paragraph(_, let markdown), .markdown): return markdown + "\n"
            case (.paragraph(let text, _), .text(let width)):
                return TerminalText.wrap(text, width: width).map { $0 + "\n" }.joined()
            case (.table(let table), .markdown): return table.markdown
            case (.table(let table), .text(let width)): return table.text(width: width)
            case (.blank, _): return "\n"
            }
        }.joined()
    }

    /// The document followed by `other`.
    public static func + (document: TextDocument, other: TextDocument) -> TextDocument {
        TextDocument(document.blocks + other.blocks)
    }
}

import Ingest

/// A cell of a Jupyter notebook: markdown, or code with outputs already filled in.
public struct NotebookCell: Sendable, Equatable {
    /// The kind of cell.
    public enum Kind: String, Sendable, Equatable {
        /// A markdown cell.
        case markdown
        /// A Python code cell.
        case code
    }

    /// The kind of cell.
    public let kind: Kind
    /// The cell's source text (markdown or Python).
    public let source: String
    /// Pre-rendered outputs of a code cell, shown without running a kernel; always empty for markdown.
    public let outputs: [NotebookOutput]

    /// A markdown cell; escape text from data with ``Markdown/escape(_:)``.
    public static func markdown(_ source: String) -> NotebookCell {
        NotebookCell(kind: .markdown, source: source, outputs: [])
    }

    /// A code cell with its pre-rendered outputs.
    public static func code(_ source: String, outputs: [NotebookOutput] = []) -> NotebookCell {
        NotebookCell(kind: .code, source: source, outputs: outputs)
    }
}

/// A `display_data` output of a code cell: one rendering per MIME type, the front end picks the richest.
public struct NotebookOutput: Sendable, Equatable {
    /// `text/markdown`.
    public let markdown: String?
    /// `image/svg+xml`, an SVG document.
    public let svg: String?
    /// `text/plain`, the fallback every front end shows.
    public let plainText: String

    /// Creates a display output; `plainText` is required as the fallback.
    public init(plainText: String, markdown: String? = nil, svg: String? = nil) {
        self.plainText = plainText
        self.markdown = markdown
        self.svg = svg
    }

    var json: JSONValue {
        var data: [String: JSONValue] = ["text/plain": Notebook.multiline(plainText)]
        if let markdown { data["text/markdown"] = Notebook.multiline(markdown) }
        if let svg { data["image/svg+xml"] = Notebook.multiline(svg) }
        return .object(["output_type": .string("display_data"), "data": .object(data), "metadata": .object([:])])
    }
}

/// A table for people, of plain-text cells, rendered as a markdown table (to paste into a report) or as plain text
/// within a terminal's width.
///
/// Cells hold plain text: the markdown rendering escapes the cells of ``Column/isData`` columns and the notes
/// (text from the data, such as series names and campaign ids) with ``Markdown/escape(_:)``; the plain text is
/// printed as it is, with no escape and no entity. Each row may carry notes: in markdown they fill a last column,
/// joined with the table's separator; in plain text they are numbered (`[1]`, the same note always the same
/// number) and printed below the table, wrapped with a hanging indent, and the row shows their numbers.
///
/// When the plain table is wider than the width, ``text(width:)`` reorganises it, step by step until it fits:
/// 1. the ``Column/Role/grouping`` columns become a heading line over the rows that share them;
/// 2. the ``Column/Role/secondary`` columns (and the note numbers) go on an indented line under each row, as
///    `header value` pairs (empty and not-available cells left out);
/// 3. the ``Column/wraps`` columns wrap their cells (and header) onto several lines, down to their longest word;
/// 4. the main columns after the first join the indented line, the last first;
/// 5. failing all that, each row becomes a block: its first cell, then one indented `header value` line per cell.
public struct TextTable: Sendable, Equatable {
    /// A column: its header, how its cells are aligned and where they may go when the table is too wide.
    public struct Column: Sendable, Equatable {
        /// Where a column's cells go when the plain table is too wide.
        public enum Role: Sendable, Equatable {
            /// A column that stays in the table.
            case main
            /// A column whose value, shared by consecutive rows, may head them instead (a series).
            case grouping
            /// A column of detail that may go on an indented line under its row (φ, autocorrelation).
            case secondary
        }

        /// The header, plain text.
        public let header: String
        /// How the cells are aligned.
        public let alignment: MarkdownTable.Alignment
        /// Where the cells go when the table is too wide.
        public let role: Role
        /// Whether the cells may wrap onto several lines (text with spaces, such as dates or method names).
        public let wraps: Bool
        /// Whether the cells come from the data, and are escaped in markdown.
        public let isData: Bool

        /// A column of `header`; by default left-aligned, in the table, on one line, not from the data.
        public init(
            _ header: String, alignment: MarkdownTable.Alignment = .left, role: Role = .main, wraps: Bool = false,
            isData: Bool = false
        ) {
            self.header = header
            self.alignment = alignment
            self.role = role
            self.wraps = wraps
            self.isData = isData
        }
    }

    /// A row: one plain-text cell per column (missing ones are empty) and its notes.
    public struct Row: Sendable, Equatable {
        /// The cells, plain text.
        public let cells: [String]
        /// The row's notes, plain text, in order.
        public let notes: [String]

        /// A row of `cells` with `notes`.
        public init(_ cells: [String], notes: [String] = []) {
            self.cells = cells
            self.notes = notes
        }
    }

    /// The columns.
    public let columns: [Column]
    /// The rows.
    public let rows: [Row]
    /// The header of the notes (`note`), nil for a table without notes.
    public let notesHeader: String?
    /// What joins a row's notes in markdown (`; `, or the French `\u{202F}; `).
    public let noteSeparator: String

    /// A table of `columns` and `rows`, with notes headed `notesHeader` and joined by `noteSeparator` in markdown.
    public init(columns: [Column], rows: [Row], notesHeader: String? = nil, noteSeparator: String = "; ") {
        self.columns = columns
        self.rows = rows
        self.notesHeader = notesHeader
        self.noteSeparator = noteSeparator
    }

    private func cell(_ row: Row, _ column: Int) -> String {
        column < row.cells.count ? row.cells[column] : ""
    }

    // MARK: - Markdown

    /// The table as a GitHub-flavoured markdown table, the notes (when the table has a notes header) in a last
    /// column; lines end in a newline.
    public var markdown: String {
        var headers = columns.map(\.header)
        var alignments = columns.map(\.alignment)
        if let notesHeader {
            headers.append(notesHeader)
            alignments.append(.left)
        }
        return MarkdownTable(
            headers: headers, alignments: alignments,
            rows: rows.map { row in
                let cells = columns.indices.map { index in
                    columns[index].isData ? Markdown.escape(cell(row, index)) : cell(row, index)
                }
                guard notesHeader != nil else { return cells }
                return cells + [Markdown.escape(row.notes.joined(separator: noteSeparator))]
            }
        ).markdown
    }

    // MARK: - Plain text

    /// The table as plain text whose every line is at most `width` columns (``TerminalText/width(_:)``, as far as
    /// no single word is wider), then its numbered notes; lines end in a newline.
    public func text(width: Int = 120) -> String {
        var numbers: [String: Int] = [:]
        var notes: [String] = []
        let references = rows.map { row -> String in
            var seen: [Int] = []
            for note in row.notes where !note.isEmpty {
                let number = numbers[note] ?? (notes.count + 1)
                if numbers[note] == nil {
                    numbers[note] = number
                    notes.append(note)
                }
                if !seen.contains(number) { seen.append(number) }
            }
            return seen.map { "[\($0)]" }.joined(separator: " ")
        }
        var layoutColumns = columns
        var cells = rows.map { row in columns.indices.map { cell(row, $0) } }
        if !notes.isEmpty {
            layoutColumns.append(Column(notesHeader ?? "", role: .secondary))
            for index in cells.indices { cells[index].append(references[index]) }
        }
        let lines = PlainLayout(columns: layoutColumns, cells: cells, width: width).lines()
        let noteLines = notes.enumerated().flatMap { index, note -> [String] in
            let mark = "[\(index + 1)] "
            return TerminalText.wrap(
                note, width: width, indent: mark,
                hangingIndent: String(repeating: " ", count: TerminalText.width(mark)))
        }
        return (lines + (noteLines.isEmpty ? [] : [""] + noteLines)).map { $0 + "\n" }.joined()
    }
}

/// The plain-text layout of a ``TextTable``'s cells within a width, reorganised step by step until it fits.
private struct PlainLayout {
    let columns: [TextTable.Column]
    let cells: [[String]]
    let width: Int

    /// The spaces between two columns.
    static let gap = "  "
    /// The indent of rows under a heading.
    static let indent = "  "
    /// The indent of the line of details under a row, deeper than the row's continuation lines.
    static let detailIndent = "      "

    /// Which columns go where, and how wide the table columns are.
    private struct Plan {
        var grouping: [Int] = []
        var table: [Int] = []
        var detail: [Int] = []
        var widths: [Int: Int] = [:]
    }

    func lines() -> [String] {
        let all = Array(columns.indices)
        let grouping = all.filter { columns[$0].role == .grouping }
        let secondary = all.filter { columns[$0].role == .secondary }
        var plans: [Plan] = []
        plans.append(plan(grouping: [], table: all, detail: []))
        if !grouping.isEmpty {
            plans.append(plan(grouping: grouping, table: all.filter { !grouping.contains($0) }, detail: []))
        }
        var table = all.filter { !grouping.contains($0) && !secondary.contains($0) }
        var detail = secondary
        plans.append(plan(grouping: grouping, table: table, detail: detail))
        plans.append(shrunk(plan(grouping: grouping, table: table, detail: detail)))
        while table.count > 1, let last = table.last {
            table.removeLast()
            detail.insert(last, at: 0)
            plans.append(shrunk(plan(grouping: grouping, table: table, detail: detail)))
        }
        for plan in plans where tableWidth(plan) <= width {
            return render(plan)
        }
        return blocks()
    }

    private func plan(grouping: [Int], table: [Int], detail: [Int]) -> Plan {
        var plan = Plan(grouping: grouping, table: table, detail: detail)
        for column in table {
            plan.widths[column] = max(
                TerminalText.width(columns[column].header), cells.map { TerminalText.width($0[column]) }.max() ?? 0)
        }
        return plan
    }

    /// The plan with its wrapping columns narrowed until the table fits or none can narrow: one column at a time,
    /// the one where the fewest cells would then wrap (the widest of those), so that a long cell or two wrap
    /// rather than every date of a column.
    private func shrunk(_ plan: Plan) -> Plan {
        var plan = plan
        let minimum = Dictionary(
            uniqueKeysWithValues: plan.table.filter { columns[$0].wraps }.map { column in
                (
                    column,
                    max(
                        TerminalText.longestWord(columns[column].header),
                        cells.map { TerminalText.longestWord($0[column]) }.max() ?? 0)
                )
            })
        while tableWidth(plan) > width {
            let candidates = minimum.keys.filter { (plan.widths[$0] ?? 0) > minimum[$0, default: 0] }
            func wrapped(_ column: Int) -> Int {
                let narrower = (plan.widths[column] ?? 0) - 1
                return ([columns[column].header] + cells.map { $0[column] })
                    .filter { TerminalText.width($0) > narrower }.count
            }
            let ranked = candidates.map { (column: $0, wrapped: wrapped($0), width: plan.widths[$0] ?? 0) }
            guard
                let best = ranked.min(by: {
                    ($0.wrapped, -$0.width, $0.column) < ($1.wrapped, -$1.width, $1.column)
                })
            else { break }
            plan.widths[best.column, default: 0] -= 1
        }
        return plan
    }

    private func tableWidth(_ plan: Plan) -> Int {
        let columnsWidth = plan.table.map { plan.widths[$0] ?? 0 }.reduce(0, +)
        let gaps = max(0, plan.table.count - 1) * Self.gap.count
        return (plan.grouping.isEmpty ? 0 : Self.indent.count) + columnsWidth + gaps
    }

    /// The lines of a cell in a column of `width`: wrapped when the column wraps, else the cell.
    private func cellLines(_ text: String, column: Int, width: Int) -> [String] {
        guard columns[column].wraps, TerminalText.width(text) > width else { return [text] }
        return TerminalText.wrap(text, width: width)
    }

    private func render(_ plan: Plan) -> [String] {
        let indent = plan.grouping.isEmpty ? "" : Self.indent
        func line(_ texts: [Int: String]) -> [String] {
            let split = plan.table.map { column in
                cellLines(texts[column] ?? "", column: column, width: plan.widths[column] ?? 0)
            }
            let height = split.map(\.count).max() ?? 1
            return (0..<height).map { index in
                let parts = zip(plan.table, split).map { column, lines in
                    TerminalText.pad(
                        index < lines.count ? lines[index] : "", to: plan.widths[column] ?? 0,
                        columns[column].alignment)
                }
                return TerminalText.trimmedTrailingSpaces(indent + parts.joined(separator: Self.gap))
            }
        }
        var output = line(Dictionary(uniqueKeysWithValues: plan.table.map { ($0, columns[$0].header) }))
        output.append(
            indent
                + plan.table.map { String(repeating: "-", count: plan.widths[$0] ?? 0) }.joined(separator: Self.gap))
        var heading: [String]?
        for row in cells {
            let group = plan.grouping.map { row[$0] }
            if !plan.grouping.isEmpty, group != heading {
                output += TerminalText.wrap(
                    group.filter { !$0.isEmpty }.joined(separator: " · "), width: width, hangingIndent: Self.indent)
                heading = group
            }
            output += line(Dictionary(uniqueKeysWithValues: plan.table.map { ($0, row[$0]) }))
            // The not-available dash says nothing on a line of details.
            let details = plan.detail.filter { !row[$0].isEmpty && row[$0] != HumanFormat.notAvailable }.map { column in
                let header = columns[column].header
                // A cell that names itself (`p = 0.03`) needs no header.
                return header.isEmpty || row[column].hasPrefix(header + " ") ? row[column] : header + " " + row[column]
            }
            if !details.isEmpty {
                output += TerminalText.wrap(
                    details.joined(separator: " · "), width: width, indent: indent + Self.detailIndent,
                    hangingIndent: indent + Self.detailIndent + "  ")
            }
        }
        return output
    }

    /// The last resort: each row as its first cell, then an indented `header value` line per other cell.
    private func blocks() -> [String] {
        cells.flatMap { row -> [String] in
            guard let first = row.first else { return [] }
            var lines = TerminalText.wrap(first, width: width, hangingIndent: Self.indent)
            for column in row.indices.dropFirst() where !row[column].isEmpty {
                lines += TerminalText.wrap(
                    columns[column].header + " " + row[column], width: width, indent: Self.indent,
                    hangingIndent: Self.indent + "  ")
            }
            return lines
        }
    }
}

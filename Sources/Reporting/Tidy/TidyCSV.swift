import Ingest

/// Writes tidy tables as CSV for spreadsheets and scripts.
///
/// RFC 4180 with LF line ends: a header line, then one line per row, each line ending in `\n`. A field
/// is quoted when it contains `,`, `"`, CR or LF, with `"` doubled. Numbers follow ``DecimalText``;
/// empty cells (nil, NaN, infinities) are empty fields. Text cells that a spreadsheet would read as a
/// formula (starting with `=`, `+`, `-`, `@`, tab or CR) are prefixed with `'` (OWASP's advice); number
/// and integer cells are never altered, so `-0.12` stays a number.
public enum TidyCSV {
    /// The CSV text of `table`.
    public static func render(_ table: TidyTable) -> String {
        var output = table.columns.map { field(neutralised($0)) }.joined(separator: ",") + "\n"
        for row in table.rows {
            output += row.map { cellField($0) }.joined(separator: ",") + "\n"
        }
        return output
    }

    /// The CSV field of one cell, neutralised and quoted as needed.
    public static func field(of cell: TidyCell) -> String {
        cellField(cell)
    }

    private static func cellField(_ cell: TidyCell) -> String {
        switch cell {
        case .text(let value): return value.map { field(neutralised($0)) } ?? ""
        case .number(let value): return value.flatMap { DecimalText.format($0) } ?? ""
        case .integer(let value): return value.map { String($0) } ?? ""
        case .boolean(let value): return value ? "true" : "false"
        }
    }

    /// `text` with a leading `'` when a spreadsheet would take it for a formula.
    public static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first else { return text }
        switch first {
        case "=", "+", "-", "@", "\t", "\r": return "'" + text
        default: return text
        }
    }

    private static func field(_ text: String) -> String {
        let needsQuotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        guard needsQuotes else { return text }
        return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
    }
}

extension String {
    /// `self` with every occurrence of `target` replaced, without Foundation.
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var output = ""
        for character in self {
            if character == target { output += replacement } else { output.append(character) }
        }
        return output
    }
}

import Ingest

/// Writes tidy tables as CSV for spreadsheets and scripts.
///
/// RFC 4180 with LF line ends: a header line, then one line per row, each line ending in `\n`. A field
/// is quoted when it contains `,`, `"`, CR or LF, with `"` doubled. Numbers follow ``DecimalText``;
/// empty cells (nil, NaN, infinities) are empty fields. Text cells that a spreadsheet would read as a
/// formula (starting with `=`, `+`, `-`, `@`, tab or CR) are prefixed with `'` (OWASP's advice); number
/// and integer cells are never altered, so `-0.12` stays a number.
///
/// The `.frenchSpreadsheet` dialect is the same table for a spreadsheet set to French (Excel, LibreOffice): `;`
/// between fields, a decimal comma in numbers (`-0,12`), and a UTF-8 byte order mark first, without which Excel
/// reads the file as Windows-1252 and garbles accents (`AllÃ´`). Fields holding `;` are quoted instead of `,`.
public enum TidyCSV {
    /// How fields and numbers are written.
    public enum Dialect: Sendable, Equatable {
        /// RFC 4180: `,` between fields, a decimal point, no byte order mark. What scripts and notebooks read.
        case standard
        /// `;` between fields, a decimal comma, a UTF-8 byte order mark: what a French spreadsheet opens as is.
        case frenchSpreadsheet

        var separator: Character { self == .standard ? "," : ";" }
    }

    /// The CSV text of `table` in `dialect`.
    public static func render(_ table: TidyTable, dialect: Dialect = .standard) -> String {
        let separator = String(dialect.separator)
        var output = dialect == .frenchSpreadsheet ? "\u{FEFF}" : ""
        output += table.columns.map { field(neutralised($0), dialect) }.joined(separator: separator) + "\n"
        for row in table.rows {
            output += row.map { cellField($0, dialect) }.joined(separator: separator) + "\n"
        }
        return output
    }

    /// The CSV field of one cell, neutralised and quoted as needed.
    public static func field(of cell: TidyCell) -> String {
        cellField(cell, .standard)
    }

    private static func cellField(_ cell: TidyCell, _ dialect: Dialect) -> String {
        switch cell {
        case .text(let value): return value.map { field(neutralised($0), dialect) } ?? ""
        case .number(let value):
            let text = value.flatMap { DecimalText.format($0) } ?? ""
            return dialect == .frenchSpreadsheet ? text.replacingAll(".", with: ",") : text
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

    private static func field(_ text: String, _ dialect: Dialect) -> String {
        let separator = dialect.separator.unicodeScalars.first
        let needsQuotes = text.unicodeScalars.contains {
            $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r"
        }
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

/// Text from files and configuration (file names, ids, names, values) made safe to print on a terminal.
///
/// A control character in a file name or a campaign id (`\e[31m`, a bell, a carriage return that rewrites the
/// line) would be obeyed by the terminal: it is written instead as Swift writes it in a string literal (`\u{1B}`,
/// `\t`, `\r`), which a person can read and search for. Data values in reasons (`FeedFileReader.shown`), the
/// command line's diagnostics and its plain-text answers all go through ``escaped(_:)``.
public enum ShownText {
    /// Whether `scalar` is a control character a terminal may act on: C0 (U+0000–U+001F), DEL (U+007F) or C1
    /// (U+0080–U+009F, where U+009B is a one-byte escape introducer on some terminals).
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// `scalar` as shown: itself, or its escape when it is a control character.
    public static func escaped(_ scalar: Unicode.Scalar) -> String {
        isControl(scalar) ? scalar.escaped(asASCII: true) : String(scalar)
    }

    /// `text` with every control character escaped; with `keepingLineFeeds`, a line feed stays one (for a block
    /// of lines, such as a data-quality summary, whose lines the command itself breaks).
    public static func escapingControls(_ text: String, keepingLineFeeds: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) && !(keepingLineFeeds && $0 == "\n") }) else {
            return text
        }
        var shown = ""
        shown.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            if keepingLineFeeds && scalar == "\n" {
                shown.unicodeScalars.append(scalar)
            } else {
                shown += escaped(scalar)
            }
        }
        return shown
    }
}

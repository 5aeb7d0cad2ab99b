/// The character encoding of a feed's files (key `encoding:` of `campaigns.yaml`).
///
/// The encodings besides UTF-8 are single-byte ones in which line feeds and carriage returns are themselves, so a
/// file converted to UTF-8 keeps its lines, and each character its column.
public enum TextEncoding: String, Sendable, Equatable, CaseIterable {
    /// UTF-8, the default (the bytes are checked, never converted).
    case utf8 = "utf-8"
    /// Windows-1252, what spreadsheets on Windows write for "ANSI" or "Western": Latin-1's letters, with `€`,
    /// curly quotes and dashes in 0x80–0x9F. Five bytes there (0x81, 0x8D, 0x8F, 0x90, 0x9D) are no character.
    case windows1252 = "windows-1252"
    /// ISO 8859-1 (Latin-1): every byte is the character of the same code point.
    case latin1 = "latin-1"

    /// The encoding `name` names, in any case (`cp1252` and `iso-8859-1` are accepted too), or nil.
    public init?(name: String) {
        switch name.lowercased() {
        case "utf-8", "utf8": self = .utf8
        case "windows-1252", "cp1252": self = .windows1252
        case "latin-1", "latin1", "iso-8859-1": self = .latin1
        default: return nil
        }
    }

    /// The name glibc's iconv knows the encoding by.
    public var iconvName: String {
        switch self {
        case .utf8: "UTF-8"
        case .windows1252: "WINDOWS-1252"
        case .latin1: "ISO-8859-1"
        }
    }

    /// The name for people, as messages print it.
    public var displayName: String {
        switch self {
        case .utf8: "UTF-8"
        case .windows1252: "Windows-1252"
        case .latin1: "Latin-1"
        }
    }
}

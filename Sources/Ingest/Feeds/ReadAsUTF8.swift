/// A file of a feed declared in a single-byte encoding (`encoding: windows-1252` or `latin-1`) that is valid UTF-8
/// with characters beyond ASCII: it is read as UTF-8, since converting it would garble each of those characters
/// (`Allô` read as `AllÃ´`), and noted, so that the setting that did not fit it is seen (DESIGN §3.2).
///
/// Bytes beyond ASCII that make valid UTF-8 are almost never Windows-1252 or Latin-1 text: `ô` there is the one byte
/// 0xF4, which UTF-8 never holds alone, and the pairs UTF-8 is made of spell letters such as `Ã´` that no export
/// writes.
public struct ReadAsUTF8: Sendable, Equatable {
    /// The encoding `campaigns.yaml` declares for the file.
    public let declared: TextEncoding
    /// The line of the file's first character beyond ASCII.
    public let firstLine: Int

    /// Creates a note.
    public init(declared: TextEncoding, firstLine: Int) {
        self.declared = declared
        self.firstLine = firstLine
    }
}

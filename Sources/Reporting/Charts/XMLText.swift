/// Escaping of text from data for XML and SVG.
public enum XMLText {
    /// `text` safe inside an XML element or a quoted attribute: `&`, `<`, `>`, `"`, `'` become entities,
    /// line breaks become spaces, and characters XML 1.0 forbids (other control characters, U+FFFE,
    /// U+FFFF) are dropped so the document always parses.
    public static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&apos;"
            case "\n", "\r", "\t": output += " "
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}

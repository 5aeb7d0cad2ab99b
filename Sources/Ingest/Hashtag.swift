import Foundation

/// How hashtags are compared: without `#`, case-insensitively and accent-insensitively, so that
/// `#NonAuHarcelement`, `nonauharcèlement` and `#NONAUHARCÈLEMENT` are one hashtag.
public enum Hashtag {
    /// The key a hashtag is matched and reported under: surrounding spaces and leading `#` removed,
    /// accents removed, lower case (`#NonAuHarcèlement` → `nonauharcelement`).
    public static func key(_ text: some StringProtocol) -> String {
        written(text)
            .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .lowercased()
    }

    /// The hashtag as written, without surrounding spaces and leading `#` (`#NonAuHarcèlement` →
    /// `NonAuHarcèlement`): how reports name it.
    public static func written(_ text: some StringProtocol) -> String {
        var trimmed = Substring(String(text)).drop { $0 == " " || $0 == "\t" }
        while trimmed.last == " " || trimmed.last == "\t" { trimmed = trimmed.dropLast() }
        while trimmed.first == "#" { trimmed = trimmed.dropFirst() }
        return String(trimmed)
    }
}

import Foundation

/// A pattern over series names (`--series calls:*`): `*` matches any run of characters, `:` included, and every
/// other character matches itself (`calls:119` is that series alone). Matching is on the whole name, case
/// sensitive, as the names are written (`SeriesName.description`).
public struct SeriesPattern: Hashable, Sendable {
    /// The pattern as given.
    public let text: String
    private let parts: [Substring]

    /// A pattern from its text; nil for an empty text.
    public init?(_ text: String) {
        guard !text.isEmpty else { return nil }
        self.text = text
        self.parts = text.split(separator: "*", omittingEmptySubsequences: false)
    }

    /// Whether the whole of `name` matches.
    public func matches(_ name: SeriesName) -> Bool {
        matches(name.description)
    }

    /// Whether the whole of `text` matches: the first part is a prefix, the last a suffix, and the parts between
    /// occur in order, each as early as it can (which is enough, `*` matching any run).
    public func matches(_ text: String) -> Bool {
        guard let first = parts.first, let last = parts.last else { return false }
        if parts.count == 1 { return text == first }
        guard text.hasPrefix(first) else { return false }
        var rest = text.dropFirst(first.count)
        for middle in parts.dropFirst().dropLast() where !middle.isEmpty {
            guard let found = rest.range(of: middle) else { return false }
            rest = rest[found.upperBound...]
        }
        return rest.count >= last.count && rest.hasSuffix(last)
    }

    /// The series that at least one of `patterns` matches, in their order; every series when `patterns` is empty.
    /// The patterns that match none of `series` are returned apart, in their order, so that a caller can name them.
    public static func select(
        _ series: [DailySeries], _ patterns: [SeriesPattern]
    ) -> (
        selected: [DailySeries], unmatched: [SeriesPattern]
    ) {
        guard !patterns.isEmpty else { return (series, []) }
        let selected = series.filter { one in patterns.contains { $0.matches(one.name) } }
        let unmatched = patterns.filter { pattern in !series.contains { pattern.matches($0.name) } }
        return (selected, unmatched)
    }
}

import Analytics
import ArgumentParser

/// `--series PATTERN`, repeatable: which series a query prints.
struct SeriesOptions: ParsableArguments {
    @Option(
        name: .customLong("series"),
        help: ArgumentHelp(
            "Only the series matching this pattern, such as calls:* or calls:119 (* matches any characters); "
                + "repeatable.", valueName: "pattern"))
    var patterns: [String] = []

    func validate() throws {
        if patterns.contains(where: \.isEmpty) { throw ValidationError("--series needs a pattern, such as calls:*") }
    }

    /// The series of `all` that the patterns match (all of them without `--series`); a pattern that matches none
    /// is a `ValidationError` naming it.
    func select(_ all: [DailySeries]) throws -> [DailySeries] {
        let (selected, unmatched) = SeriesPattern.select(all, patterns.compactMap(SeriesPattern.init))
        guard unmatched.isEmpty else {
            let names = unmatched.map { "'\($0.text)'" }.joined(separator: ", ")
            let known = all.map(\.name.description)
            let listed =
                known.prefix(12).joined(separator: ", ") + (known.count > 12 ? ", … (\(known.count) in all)" : "")
            throw ValidationError(
                "--series \(names) \(unmatched.count == 1 ? "matches" : "match") no series; the data has "
                    + (known.isEmpty ? "none" : listed))
        }
        return selected
    }
}

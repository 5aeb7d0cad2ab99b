/// Screens YAML text, before Yams composes it, for mapping keys that are not plain text and may hold aliases.
///
/// Yams composes an alias into a shared node, so a small "billion laughs" document costs little memory; but
/// it checks every mapping for duplicate keys by hashing the keys, and hashing a key that is an alias to a
/// nested tree visits every expanded node: `? *lol9` would take hours. A calendar only ever needs plain text
/// keys, so the screen refuses, before composing, explicit keys (`? `), an alias used as a key (`*lol: x`)
/// and a flow collection holding an alias used as a key (`[*lol]: x`).
///
/// The screen reads lines, not YAML tokens: it ignores comments but not quotes, so it errs towards refusing
/// (a quoted `"*note: x"` is refused too); implicit keys fit on one line, so one line is all it needs to see.
struct ComplexKeyScreen {
    /// A key the screen refuses: its 1-based line and column, and why.
    struct Finding: Equatable {
        let line: Int
        let column: Int
        let message: String
    }

    /// The first complex key in `yaml`, or nil when every key can only be plain text.
    static func firstComplexKey(in yaml: String) -> Finding? {
        var lineNumber = 0
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            if let finding = screen(Array(line.unicodeScalars), lineNumber: lineNumber) {
                return finding
            }
        }
        return nil
    }

    private static func screen(_ line: [Unicode.Scalar], lineNumber: Int) -> Finding? {
        // Open flow collections on this line: whether each holds an alias.
        var openCollections: [Bool] = []
        var previousSignificant: Unicode.Scalar?
        var index = 0
        while index < line.count {
            let scalar = line[index]
            let previous: Unicode.Scalar? = index > 0 ? line[index - 1] : nil
            if scalar == "#", previous == nil || previous == " " || previous == "\t" {
                break
            }
            switch scalar {
            case "?":
                let next: Unicode.Scalar? = index + 1 < line.count ? line[index + 1] : nil
                let startsNode = previousSignificant.map { ["-", "[", "{", ","].contains($0) } ?? true
                if startsNode, next == nil || next == " " || next == "\t" {
                    return Finding(
                        line: lineNumber, column: index + 1,
                        message: "explicit keys (\"? \") are not supported: keys are plain text")
                }
            case "*":
                var end = index + 1
                while end < line.count, isAnchorCharacter(line[end]) { end += 1 }
                guard end > index + 1 else { break }
                if followedByColon(line, from: end) {
                    let name = String(String.UnicodeScalarView(line[index..<end]))
                    return Finding(
                        line: lineNumber, column: index + 1,
                        message: "an alias (\(name)) cannot be used as a key: keys are plain text")
                }
                if !openCollections.isEmpty { openCollections[openCollections.count - 1] = true }
                index = end
                previousSignificant = line[end - 1]
                continue
            case "[", "{":
                openCollections.append(false)
            case "]", "}":
                guard let holdsAlias = openCollections.popLast() else { break }
                if holdsAlias {
                    if followedByColon(line, from: index + 1) {
                        return Finding(
                            line: lineNumber, column: index + 1,
                            message: "a list or mapping holding an alias cannot be used as a key: keys are plain text")
                    }
                    if !openCollections.isEmpty { openCollections[openCollections.count - 1] = true }
                }
            default:
                break
            }
            if scalar != " ", scalar != "\t" { previousSignificant = scalar }
            index += 1
        }
        return nil
    }

    /// Whether, after optional spaces, the line goes on with `:` ending a key (followed by a space, the end of
    /// the line, or a flow indicator).
    private static func followedByColon(_ line: [Unicode.Scalar], from start: Int) -> Bool {
        var index = start
        while index < line.count, line[index] == " " || line[index] == "\t" { index += 1 }
        guard index < line.count, line[index] == ":" else { return false }
        let next = index + 1
        return next == line.count || [" ", "\t", "\r", ",", "]", "}"].contains(line[next])
    }

    /// The characters libyaml accepts in anchor and alias names.
    private static func isAnchorCharacter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
            || scalar == "-" || scalar == "_"
    }
}

import Yams

/// Finds, in YAML text, the second occurrence of a mapping key that Yams reported as duplicated at its first
/// occurrence, and the key path of the mapping holding it.
///
/// This is a textual search: it knows block mappings (the repeated key starts in the same column on a later
/// line) and flow mappings on one line (`{a: 1, a: 2}`). When it cannot find the key it says so, and the error
/// falls back to the first occurrence.
struct DuplicateKeyLocator {
    /// A key no calendar uses, put in place of the second occurrence to find its key path.
    static let sentinel = "awareness-duplicate-key-sentinel"

    private let lines: [[Unicode.Scalar]]

    init(yaml: String) {
        lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
    }

    /// The 1-based position of the second occurrence of `key`, and the YAML text with that occurrence replaced
    /// by `sentinel`.
    func secondOccurrence(
        of key: String, after first: (line: Int, column: Int)
    ) -> (line: Int, column: Int, yamlWithSentinel: String)? {
        let forms = [key, "\"\(key)\"", "'\(key)'"].map { Array($0.unicodeScalars) }
        let firstIndex = first.line - 1
        let column = first.column - 1
        guard firstIndex >= 0, firstIndex < lines.count, column >= 0 else { return nil }

        // Flow mapping: a later key on the same line, after `{`, `,` or a space.
        let line = lines[firstIndex]
        var position = column + 1
        while position < line.count {
            if [" ", ",", "{"].contains(line[position - 1]), let form = match(forms, in: line, at: position) {
                return replaced(lineIndex: firstIndex, at: position, length: form)
            }
            position += 1
        }
        // Block mapping: a later line whose key starts in the same column.
        for lineIndex in (firstIndex + 1)..<max(firstIndex + 1, lines.count) {
            let candidate = lines[lineIndex]
            guard candidate.count > column,
                candidate[..<column].allSatisfy({ $0 == " " || $0 == "-" })
            else { continue }
            if let form = match(forms, in: candidate, at: column) {
                return replaced(lineIndex: lineIndex, at: column, length: form)
            }
        }
        return nil
    }

    /// The length of the form of the key that starts at `position` and is followed by `:`, if any.
    private func match(_ forms: [[Unicode.Scalar]], in line: [Unicode.Scalar], at position: Int) -> Int? {
        for form in forms where position + form.count <= line.count {
            guard Array(line[position..<(position + form.count)]) == form else { continue }
            var next = position + form.count
            while next < line.count, line[next] == " " { next += 1 }
            if next < line.count, line[next] == ":" { return form.count }
        }
        return nil
    }

    private func replaced(
        lineIndex: Int, at position: Int, length: Int
    ) -> (line: Int, column: Int, yamlWithSentinel: String) {
        var edited = lines
        edited[lineIndex].replaceSubrange(position..<(position + length), with: Self.sentinel.unicodeScalars)
        var text = String.UnicodeScalarView()
        for (index, line) in edited.enumerated() {
            if index > 0 { text.append("\n") }
            text.append(contentsOf: line)
        }
        return (lineIndex + 1, position + 1, String(text))
    }

    /// The key path of the mapping that holds the sentinel key ("" for the top level), or nil when the edited
    /// text does not compose or the sentinel cannot be found within the node budget.
    static func keyPathOfSentinel(in yaml: String) -> String? {
        guard let root = try? Yams.compose(yaml: yaml) else { return nil }
        var stack: [(node: Node, path: String)] = [(root, "")]
        var visited = 0
        while let (node, path) = stack.popLast() {
            visited += 1
            guard visited <= CampaignCalendarReader.defaultNodeBudget else { return nil }
            switch node {
            case .mapping(let mapping):
                for (key, value) in mapping {
                    guard case .scalar(let scalar) = key else { continue }
                    if scalar.string == sentinel { return path }
                    stack.append((value, path.isEmpty ? scalar.string : "\(path).\(scalar.string)"))
                }
            case .sequence(let sequence):
                for (index, item) in sequence.enumerated() {
                    stack.append((item, "\(path)[\(index)]"))
                }
            case .scalar, .alias:
                continue
            }
        }
        return nil
    }
}

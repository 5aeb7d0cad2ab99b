import Foundation
import Testing

/// The README is the front page: short, and its quick start shows what the commands really print on the sample.
@Suite("Front page")
struct FrontPageTests {
    static let repository = CommandRunner.fixtures.appendingPathComponent("../../..").standardizedFileURL

    static func readme() throws -> String {
        try String(contentsOf: repository.appendingPathComponent("README.md"), encoding: .utf8)
    }

    /// Each `$ awareness …` line of the quick start, with the output lines shown under it.
    static func examples() throws -> [(arguments: [String], lines: [String])] {
        let text = try Self.readme()
        let start = try #require(text.range(of: "\n## Quick start\n"))
        let section = text[start.upperBound...].components(separatedBy: "\n## ").first ?? ""
        var examples: [(arguments: [String], lines: [String])] = []
        var inFence = false
        for line in section.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                inFence.toggle()
                continue
            }
            guard inFence else { continue }
            if line.hasPrefix("$ awareness ") {
                examples.append((line.dropFirst("$ awareness ".count).split(separator: " ").map(String.init), []))
            } else if !line.isEmpty, !examples.isEmpty {
                examples[examples.count - 1].lines.append(String(line))
            }
        }
        return examples
    }

    @Test func theReadmeIsAFrontPageUnderTenKilobytes() throws {
        let size = try Self.readme().utf8.count
        #expect(size < 10_000, "README.md is \(size) bytes")
    }

    /// Every command of the quick start runs on the sample (`--data Data`) and prints each line shown under it.
    @Test func theQuickStartShowsWhatTheCommandsPrint() throws {
        let examples = try Self.examples()
        #expect(examples.count >= 5)
        for example in examples {
            #expect(example.arguments.contains("--data"), "\(example.arguments)")
            #expect(!example.lines.isEmpty, "no output shown for \(example.arguments)")
            let result = try CommandRunner.run(example.arguments, in: Self.repository)
            let printed = Set(
                result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map {
                    String($0).replacingOccurrences(of: "\u{00A0}", with: " ")
                        .replacingOccurrences(of: "\u{202F}", with: " ")
                })
            for line in example.lines {
                #expect(printed.contains(line), "\(example.arguments): not printed: \(line)")
            }
        }
    }

    /// Every document the front page links to exists.
    @Test func everyLinkedDocumentExists() throws {
        let text = try Self.readme()
        let links = text.components(separatedBy: "](").dropFirst().compactMap { $0.split(separator: ")").first }
            .map(String.init).filter { !$0.hasPrefix("http") && !$0.hasPrefix("#") }
        #expect(!links.isEmpty)
        for link in links {
            let path = link.split(separator: "#").first.map(String.init) ?? link
            #expect(
                FileManager.default.fileExists(atPath: Self.repository.appendingPathComponent(path).path),
                "README links to \(link), which does not exist")
        }
    }
}

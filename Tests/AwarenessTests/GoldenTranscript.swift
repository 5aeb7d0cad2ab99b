import Foundation
import Testing

/// The whole terminal output of a command (its arguments, exit status, standard output and standard error) kept
/// in a reviewed file under `Golden/`, so that any change to what an analyst sees shows up as a diff.
enum GoldenTranscript {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// The transcript of a run, as the golden files hold it.
    static func text(_ arguments: [String], _ result: CommandRunner.Result) -> String {
        "$ awareness \(arguments.joined(separator: " "))\nstatus: \(result.status)\n--- stdout\n\(result.stdout)"
            + "--- stderr\n\(result.stderr)"
    }

    /// Runs `awareness` with `arguments` in the fixtures folder, help wrapped at 100 columns, and compares the
    /// transcript with `Golden/<name>`; with `AWARENESS_UPDATE_GOLDEN=1` rewrites the file instead.
    static func expect(
        _ arguments: [String], matches name: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let result = try CommandRunner.run(arguments, environment: ["COLUMNS": "100"])
        let text = text(arguments, result)
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["AWARENESS_UPDATE_GOLDEN"] == "1" {
            try Data(text.utf8).write(to: url)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(
            text == expected, "Golden/\(name) differs; review the diff, then rerun with AWARENESS_UPDATE_GOLDEN=1",
            sourceLocation: sourceLocation)
    }
}

import ArgumentParser
import Foundation

/// The `awareness` command: the nightly batch and the analyst's queries over the campaign feeds.
///
/// Exit status (DESIGN §2): 0 success; 1 data problems over the reject threshold; 2 usage or
/// configuration error; 3 I/O failure.
@main
struct Awareness: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "awareness",
        abstract: "Measure public-awareness campaigns from banner, hashtag and helpline CSV exports.",
        subcommands: [Run.self, Validate.self, Uplift.self, Weekly.self, Compare.self, SampleDataCommand.self]
    )

    /// Parses and runs a subcommand, mapping argument errors to exit status 2 rather than ArgumentParser's 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                var message = fullMessage(for: error)
                if message.hasPrefix("Error: ") { message = "error: " + message.dropFirst(7) }
                FileHandle.standardError.write(Data((message + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

import ArgumentParser
import Foundation
import Reporting

/// The `awareness` command: the nightly batch and the analyst's queries over the campaign feeds.
///
/// Exit status (DESIGN §2): 0 success; 1 a night that fails for its data, or any `error:` printed; 2 usage or
/// configuration error; 3 I/O failure.
@main
struct Awareness: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "awareness",
        abstract: "Measure public-awareness campaigns from banner, hashtag and helpline CSV exports.",
        version: NightlyRun.version,
        subcommands: [
            Run.self, Validate.self, Uplift.self, Weekly.self, Compare.self, Funnel.self, Plan.self,
            Rollup.self, SampleDataCommand.self,
        ]
    )

    /// Parses and runs a subcommand, mapping argument errors to exit status 2 rather than ArgumentParser's 64.
    /// An argument found wrong only once the data is read (an unknown campaign, a period without data) is a
    /// `ValidationError` thrown by `run()`: it is printed as `error: <message>` alone, since the usage line
    /// ArgumentParser would add there is the root command's, not the subcommand's.
    static func main() {
        var parsed: ParsableCommand
        do {
            parsed = try parseAsRoot()
        } catch {
            fail(error)
        }
        do {
            try parsed.run()
        } catch let failure as CommandFailure {
            DiagnosticPrinter.print(failure.diagnostics)
            Foundation.exit(failure.status.rawValue)
        } catch let error as ValidationError {
            DiagnosticPrinter.print(.error(error.message))
            Foundation.exit(ExitStatus.usage.rawValue)
        } catch {
            fail(error)
        }
    }

    /// Prints `error` as ArgumentParser does and exits with its status, 2 for a usage error.
    private static func fail(_ error: Error) -> Never {
        if exitCode(for: error) == .validationFailure {
            var message = fullMessage(for: error)
            if message.hasPrefix("Error: ") { message = "error: " + message.dropFirst(7) }
            FileHandle.standardError.write(Data((message + "\n").utf8))
            Foundation.exit(ExitStatus.usage.rawValue)
        }
        exit(withError: error)
    }
}

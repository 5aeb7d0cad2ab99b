import ArgumentParser
import Foundation
import Ingest
import Nightly
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
        StandardStream.prepare()
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
            finish(failure.status)
        } catch let error as ValidationError {
            DiagnosticPrinter.print(.error(error.message))
            finish(.usage)
        } catch {
            fail(error)
        }
        finish(.success)
    }

    /// Prints `error` as ArgumentParser does and exits with its status, 2 for a usage error; help and the version
    /// go to standard output, through ``StandardStream`` like every answer.
    private static func fail(_ error: Error) -> Never {
        let code = exitCode(for: error)
        // The message may quote an argument as given: its control characters are escaped as in diagnostics.
        var message = ShownText.escapingControls(fullMessage(for: error), keepingLineFeeds: true)
        if code == .success {
            StandardStream.output.write(message.isEmpty ? "" : message + "\n")
            finish(.success)
        }
        if code == .validationFailure {
            if message.hasPrefix("Error: ") { message = "error: " + message.dropFirst(7) }
            StandardStream.error.write(message + "\n")
            finish(.usage)
        }
        if !message.isEmpty { StandardStream.error.write(message + "\n") }
        finish(ExitStatus(rawValue: code.rawValue) ?? .usage)
    }

    /// Ends the process with `status`, or with status 3 when standard output or standard error could not be
    /// written (DESIGN §2): a full disk, a closed descriptor or a pipe whose reader went away. A lost standard
    /// output is said on standard error; a lost standard error can only be said by the status.
    static func finish(_ status: ExitStatus) -> Never {
        StandardStream.flushStandardOutput()
        var status = status
        if let problem = StandardStream.output.failureText {
            DiagnosticPrinter.print(.error("could not be written: \(problem)", file: StandardStream.output.name))
            status = max(status, .ioFailure)
        }
        if StandardStream.error.failure != nil { status = max(status, .ioFailure) }
        Foundation.exit(status.rawValue)
    }
}

import ArgumentParser

/// The `awareness` command: the nightly batch and the analyst's queries over the campaign feeds.
@main
struct Awareness: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "awareness",
        abstract: "Measure public-awareness campaigns from banner, hashtag and helpline CSV exports.",
        subcommands: [SampleDataCommand.self]
    )
}

import ArgumentParser

/// The options every command shares: where the data folder is.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The data folder: campaigns.yaml and the feed folders.", valueName: "dir"))
    var data = "Data"
}

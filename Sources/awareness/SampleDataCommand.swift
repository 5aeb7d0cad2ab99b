import ArgumentParser
import Foundation
import SampleData

/// `awareness sample-data`: writes the synthetic sample data set, or event-level feeds for benchmarks.
struct SampleDataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample-data",
        abstract: "Write the synthetic sample data set, or event-level feeds for benchmarks.",
        discussion: """
            Without --events, writes the daily feeds, campaigns.yaml, ground-truth.csv and README.md into --out \
            (default Data). With --events N, writes N impression events (one per row, ISO-8601 timestamps over \
            2020) and the matching clicks into --out. The same seed always gives byte-identical files. \
            The folder must be new or empty; --force writes over an earlier sample in it, but never beside \
            feed files the sample does not write (status 2).
            """
    )

    /// The seed of every random draw.
    @Option(help: "The seed of every random draw.")
    var seed: UInt64 = SampleDataSet.defaultSeed

    /// The folder to write into.
    @Option(help: "The folder to write into.")
    var out: String = "Data"

    /// The number of impression events of the benchmark feeds.
    @Option(
        help: ArgumentHelp(
            "Write N event-level impression rows (and their clicks) instead of the daily data set; at most "
                + "1000000000 (about 90 bytes each), and only when the folder's file system has the room."))
    var events: Int?

    /// Whether a folder that is not empty may be written into (over an earlier sample, never beside real feeds).
    @Flag(help: "Write into a folder that is not empty, over an earlier sample (never beside other feed files).")
    var force = false

    func validate() throws {
        if let events, events < 1 {
            throw ValidationError("--events must be a positive number of rows, not \(events).")
        }
        if let events, events > EventFeedWriter.maximumEvents {
            throw ValidationError(
                "--events must be at most \(EventFeedWriter.maximumEvents) rows (about "
                    + "\(Self.size(EventFeedWriter.estimatedBytes(events: EventFeedWriter.maximumEvents)))), not "
                    + "\(events).")
        }
    }

    func run() throws {
        let directory = URL(fileURLWithPath: out, isDirectory: true)
        let dataSet = events == nil ? SampleDataSet(seed: seed) : nil
        let destination = SampleDataDestination(
            path: out, paths: dataSet?.files.map(\.path) ?? EventFeedWriter.paths)
        do {
            try destination.check(force: force)
        } catch {
            throw CommandFailure(.usage, [.error(error.description)])
        }
        if let events {
            do {
                try EventSpaceShortfall.check(events: events, freeBytes: SampleDataDestination.freeBytes(at: out))
            } catch {
                throw CommandFailure(
                    .ioFailure,
                    [
                        .error(
                            "--events \(error.events) needs about \(Self.size(error.needed)) of disk space, and its "
                                + "file system has \(Self.size(error.free)) free; nothing was written", file: out)
                    ])
            }
        }
        do {
            if let events {
                let summary = try EventFeedWriter(events: events, seed: seed).write(to: directory)
                StandardStream.output.write(
                    "wrote \(summary.impressionRows) impression rows and \(summary.clickRows) click rows "
                        + "(\(summary.bytes) bytes) to \(out)\n")
            } else if let dataSet {
                try dataSet.write(to: directory)
                StandardStream.output.write("wrote \(dataSet.files.count) files to \(out) (seed \(seed))\n")
            }
        } catch {
            throw CommandFailure(.ioFailure, [.error(error.description)])
        }
    }

    /// `12.3 GB`, `456 MB` or `789 kB`: decimal units, as `df -H` gives them.
    static func size(_ bytes: Int) -> String {
        let value = Double(bytes)
        if value >= 1e9 {
            let tenths = Int((value / 1e8).rounded())
            return "\(tenths / 10).\(tenths % 10) GB"
        }
        if value >= 1e6 { return "\(Int((value / 1e6).rounded())) MB" }
        return "\(Int((value / 1e3).rounded(.up))) kB"
    }
}

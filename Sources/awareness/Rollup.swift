import ArgumentParser
import Foundation
import Ingest

/// `awareness rollup`: one byte range of an event-level file in, its daily counts, rejects and accounting out, as
/// the JSON rollup of DESIGN §3.5; the per-range step of a cluster job that cuts large files (`spark/rollup.py`).
struct Rollup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read one byte range of an event-level file into its daily counts, rejects and accounting.",
        discussion: """
            The range starts at a line start; a record that crosses its end is completed, and the rollup says \
            where the read stopped ("stop") and how many line ends it covered ("line_ends"), so that the next \
            range can be checked to start there. Lines of rejects are counted from the range's first line. The \
            rollup is JSON (format awareness-rollup/2), read by run, validate and the queries when it lies in a \
            feed folder as <file>.rollup.json. One thread; the same range always gives the same bytes.

            Exit status: 0 the range was read (bad rows and a refusal are in the rollup); 2 usage or \
            configuration error; 3 the range could not be read or the rollup written (worth another try).
            """
    )

    @Argument(help: "The event-level file, or - for the range's bytes on standard input (with --header).")
    var file: String

    @Option(
        help: ArgumentHelp(
            "The data folder whose campaigns.yaml gives the time zone and feed settings.", valueName: "dir"))
    var data = "Data"

    @Option(help: ArgumentHelp("A campaigns.yaml to use instead of the data folder's.", valueName: "file"))
    var calendar: String?

    @Option(
        help: ArgumentHelp(
            "The file's name in the rollup and its rejects, <feed>/<file> (default: the file's folder and name).",
            valueName: "name"))
    var name: String?

    @Option(help: ArgumentHelp("The offset of the range's first byte, a line start.", valueName: "bytes"))
    var start = 0

    @Option(
        help: ArgumentHelp("The offset after the range's last byte (default: the end of the file).", valueName: "bytes")
    )
    var end: Int?

    @Option(help: ArgumentHelp("With -, the file's header line (the first line of the file).", valueName: "line"))
    var header: String?

    @Option(help: ArgumentHelp("Write the rollup to this file instead of standard output.", valueName: "file"))
    var out: String?

    func validate() throws {
        guard start >= 0 else { throw ValidationError("--start must be 0 or more, got \(start)") }
        if let end, end < start { throw ValidationError("--end \(end) is before --start \(start)") }
        if file == "-" && header == nil {
            throw ValidationError("the range's bytes on standard input need the file's header line: give --header")
        }
        if file == "-" && name == nil {
            throw ValidationError("the range's bytes on standard input need the file's name: give --name <feed>/<file>")
        }
        _ = try feed
    }

    /// The name the rollup reports.
    private var reportedName: String {
        if let name { return name }
        let components = (file as NSString).pathComponents.filter { $0 != "/" }
        return components.suffix(2).joined(separator: "/")
    }

    /// The feed, from the first component of the name.
    private var feed: Feed {
        get throws {
            let folder = String(reportedName.split(separator: "/").first ?? "")
            guard let feed = Feed(rawValue: folder), feed.acceptsTimestamps else {
                throw ValidationError(
                    "\(reportedName): rollup reads event-level files of impressions or clicks; name the file "
                        + "impressions/<file> or clicks/<file> (--name)")
            }
            return feed
        }
    }

    func run() throws {
        let calendarPath = calendar ?? DataFolder.calendarPath(in: data)
        let loaded: CampaignCalendar
        do {
            loaded = try CampaignCalendar.load(contentsOf: calendarPath)
        } catch {
            throw CommandFailure(DataFolder.LoadError.calendar(error))
        }
        guard let localDays = LocalDayTable(timeZoneIdentifier: loaded.timeZoneIdentifier) else {
            throw ValidationError("\(calendarPath): \"\(loaded.timeZoneIdentifier)\" is not a known time zone")
        }
        let feed = try feed
        // The settings of the file itself: its feed's, with those of the first `files:` pattern its path matches.
        let pathInFeed = reportedName.split(separator: "/").dropFirst().joined(separator: "/")
        let options = (loaded.feedOptions[feed] ?? FeedReadOptions()).resolved(forFile: pathInFeed)
        if file == "-" && options.encoding != .utf8 {
            // A converted file's text offsets are not its bytes': its ranges are read from the file, by path.
            throw ValidationError(
                "\(reportedName): \(calendarPath) reads \(feed.rawValue) as \(options.encoding.rawValue); a range on "
                    + "standard input must be UTF-8: give the file's path instead of -")
        }
        let reader = RangeRollupReader(
            feed: feed, localDays: localDays, delimiter: loaded.delimiter, options: options)
        let input: RangeRollupReader.Input =
            file == "-" ? .stream(descriptor: 0, header: header ?? "") : .file(path: file)
        let rollup: RangeRollup
        do {
            rollup = try reader.read(input, name: reportedName, start: start, end: end)
        } catch {
            throw CommandFailure(.ioFailure, [.error(error.reason.text(in: .en), file: error.file)])
        }
        let text = Data(rollup.jsonBytes)
        guard let out else {
            StandardStream.output.write(bytes: rollup.jsonBytes)
            return
        }
        do {
            try text.write(to: URL(fileURLWithPath: out), options: .atomic)
        } catch {
            throw CommandFailure(.ioFailure, [.error("could not write: \(error.localizedDescription)", file: out)])
        }
    }
}

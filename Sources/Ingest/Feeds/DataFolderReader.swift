import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads the feed folders of a data folder, file by file in name order (the files of a folder inside a feed folder,
/// such as `impressions/dt=2021-01-05/`, at that folder's place in the order), into `IngestedData`.
///
/// Rules (DESIGN §3.1, §3.3): event-level files are summed into local days; in daily files a key repeated in
/// one file is rejected, and a key given again by a later file is restated (the later value is used
/// and the revision listed). A refused file contributes nothing, and the other files are still read.
public struct DataFolderReader: Sendable {
    /// The zone whose local days timestamps are bucketed into.
    public let localDays: LocalDayTable
    /// The delimiter to use, or nil to detect it per file.
    public let delimiter: UInt8?
    /// How each feed's files are read; a feed not listed is read with the default options.
    public let options: [Feed: FeedReadOptions]
    /// Campaign ids the campaign calendar declares for the banner feeds.
    public let declaredCampaigns: Set<String>
    /// How large files are split across cores.
    public let parallelism: IngestParallelism
    /// Where the bytes and rows read are counted while the feeds are read, if anywhere.
    public let progress: ReadProgress?
    /// Whether each file's SHA-256 is computed from the open file it was parsed from (`FileReport.sha256`, for the
    /// run manifest): one more sequential pass over each file.
    public let digestsInputs: Bool

    /// Creates a reader.
    public init(
        localDays: LocalDayTable, delimiter: UInt8? = nil, options: [Feed: FeedReadOptions] = [:],
        declaredCampaigns: Set<String> = [], parallelism: IngestParallelism = .automatic, progress: ReadProgress? = nil,
        digestsInputs: Bool = true
    ) {
        self.localDays = localDays
        self.delimiter = delimiter
        self.options = options
        self.declaredCampaigns = declaredCampaigns
        self.parallelism = parallelism
        self.progress = progress
        self.digestsInputs = digestsInputs
    }

    /// One feed file held in memory, for ``read(files:onFile:)``.
    public struct FileBytes: Sendable, Equatable {
        /// The feed whose folder the file would be in.
        public var feed: Feed
        /// The file's path in its feed folder (`2020-11.csv`, `events.csv.rollup.json`, `dt=2021-01-05/part-0.csv`).
        public var name: String
        /// The file's bytes.
        public var bytes: [UInt8]

        /// Creates a file.
        public init(feed: Feed, name: String, bytes: [UInt8]) {
            self.feed = feed
            self.name = name
            self.bytes = bytes
        }
    }

    /// Where the feed files come from: a data folder on disk, or files held in memory.
    private enum Source {
        case folder(String)
        case memory([Feed: [String: [UInt8]]])

        /// Whether the feed has a folder (in memory: at least one file).
        func hasFeed(_ feed: Feed) -> Bool {
            switch self {
            case .folder(let folder):
                var isDirectory: ObjCBool = false
                let feedFolder = (folder as NSString).appendingPathComponent(feed.rawValue)
                return FileManager.default.fileExists(atPath: feedFolder, isDirectory: &isDirectory)
                    && isDirectory.boolValue
            case .memory(let files):
                return files[feed] != nil
            }
        }

        /// Every entry of the feed's folder and of the folders inside it, in name order, or why the feed folder
        /// could not be listed.
        func listing(of feed: Feed) -> (entries: [FeedEntry], failure: String?) {
            switch self {
            case .folder(let folder):
                let feedFolder = (folder as NSString).appendingPathComponent(feed.rawValue)
                let listing = DataFolderReader.listing(of: feedFolder)
                if let failure = listing.failure { return ([], failure) }
                return (DataFolderReader.walk(feedFolder, names: listing.names), nil)
            case .memory(let files):
                return (DataFolderReader.entries(ofPaths: Array((files[feed] ?? [:]).keys)), nil)
            }
        }

        /// The entry `name` of the feed's folder, opened (a file on disk opened once, by descriptor); with
        /// `digesting`, hashed as it is read (``OpenedInput/open(path:digesting:)``).
        func open(_ name: String, of feed: Feed, digesting: Bool = false) throws(CSVFileError) -> OpenedInput {
            switch self {
            case .folder(let folder):
                let feedFolder = (folder as NSString).appendingPathComponent(feed.rawValue)
                return try OpenedInput.open(
                    path: (feedFolder as NSString).appendingPathComponent(name), digesting: digesting)
            case .memory(let files):
                return OpenedInput(bytes: files[feed]?[name] ?? [], name: "\(feed.rawValue)/\(name)")
            }
        }
    }

    /// The total size in bytes of the files of `folder` that `read(folder:)` parses.
    public static func bytesToRead(in folder: String) -> Int {
        var total = 0
        for feed in Feed.allCases {
            let feedFolder = (folder as NSString).appendingPathComponent(feed.rawValue)
            for name in feedFiles(in: feedFolder)
            where refusalOfName(String(name.split(separator: "/").last ?? "")) == nil {
                let path = (feedFolder as NSString).appendingPathComponent(name)
                let attributes = try? FileManager.default.attributesOfItem(atPath: path)
                if attributes?[.type] as? FileAttributeType == .typeRegular {
                    total += (attributes?[.size] as? NSNumber)?.intValue ?? 0
                }
            }
        }
        return total
    }

    /// The entries of one feed folder, and of the folders inside it, that the reader accounts for as feed files, by
    /// their paths inside the feed folder (`2020-11.csv`, `dt=2021-01-05/part-0000.csv`), in the order they are read:
    /// every entry but those other programs leave behind (``SkippedFile/Reason``). Those whose name ends in `.csv`
    /// are read, and so are those ending in `.csv.gz`; any other (`x.txt`, `x.gz`) is refused with a reason rather
    /// than ignored, so no delivery is lost silently (DESIGN §6). A rollup of an event-level file
    /// (`events.csv.rollup.json`) is read as that file's counts. A folder inside that cannot be listed is given too,
    /// to be refused.
    public static func feedFiles(in folder: String) -> [String] {
        walk(folder, names: listing(of: folder).names).compactMap { entry in
            if case .skipped = entry.kind { return nil }
            return entry.path
        }
    }

    /// The entries of one feed folder, and of the folders inside it, that are skipped (Office lock files, hidden
    /// files and folders, `Thumbs.db`, `desktop.ini`, `_SUCCESS`, empty folders), in order, with their reasons.
    public static func skippedEntries(in folder: String) -> [(name: String, reason: SkippedFile.Reason)] {
        walk(folder, names: listing(of: folder).names).compactMap { entry in
            if case .skipped(let reason) = entry.kind { return (entry.path, reason) }
            return nil
        }
    }

    /// An entry met in a feed folder or in a folder inside it.
    struct FeedEntry: Sendable, Equatable {
        /// The path inside the feed folder (`calls.csv`, `dt=2021-01-05/part-0000.csv`, `dt=2021-01-06`).
        var path: String
        /// What is done with it.
        var kind: Kind

        enum Kind: Sendable, Equatable {
            /// A file (or anything that is not a folder), read or refused by ``FeedFileReader``.
            case file
            /// Skipped, for this reason.
            case skipped(SkippedFile.Reason)
            /// A folder that could not be listed (`strerror`'s text), or that is one of the folders it is in (a
            /// symbolic link back up the tree): refused as an input/output failure, never read as empty.
            case unlistable(system: String)
        }
    }

    /// The entries of the folder at `folder`, whose entries are `names` (in name order), and of the folders inside
    /// it, depth first: a folder's entries come at its place in its parent's order, each folder's in name order
    /// (DESIGN §3.1). Folders are followed through symbolic links, but never into a folder they are already in.
    static func walk(
        _ folder: String, names: [String], prefix: String = "", ancestors: [FileIdentity] = []
    )
        -> [FeedEntry]
    {
        var entries: [FeedEntry] = []
        let ancestors = ancestors + [FileIdentity(path: folder)].compactMap { $0 }
        for name in names {
            let path = prefix + name
            if let reason = SkippedFile.Reason(name: name) {
                entries.append(FeedEntry(path: path, kind: .skipped(reason)))
                continue
            }
            let full = (folder as NSString).appendingPathComponent(name)
            guard let identity = FileIdentity(path: full), identity.isDirectory else {
                entries.append(FeedEntry(path: path, kind: .file))
                continue
            }
            if ancestors.contains(identity) {
                entries.append(FeedEntry(path: path, kind: .unlistable(system: String(cString: strerror(ELOOP)))))
                continue
            }
            let listing = listing(of: full)
            if let failure = listing.failure {
                entries.append(FeedEntry(path: path, kind: .unlistable(system: failure)))
            } else if listing.names.isEmpty {
                entries.append(FeedEntry(path: path, kind: .skipped(.emptyFolder)))
            } else {
                entries += walk(full, names: listing.names, prefix: path + "/", ancestors: ancestors)
            }
        }
        return entries
    }

    /// The entries that files held in memory at `paths` (inside a feed folder, `/` between folders) make, in the
    /// order ``walk(_:names:prefix:ancestors:)`` gives on disk: a skipped name skips what is inside it, once.
    static func entries(ofPaths paths: [String]) -> [FeedEntry] {
        let sorted = paths.map { $0.split(separator: "/", omittingEmptySubsequences: false).map(String.init) }
            .sorted { $0.lexicographicallyPrecedes($1) }
        var entries: [FeedEntry] = []
        for components in sorted {
            if let index = components.firstIndex(where: { SkippedFile.Reason(name: $0) != nil }),
                let reason = SkippedFile.Reason(name: components[index])
            {
                let path = components[...index].joined(separator: "/")
                if entries.last?.path != path { entries.append(FeedEntry(path: path, kind: .skipped(reason))) }
                continue
            }
            entries.append(FeedEntry(path: components.joined(separator: "/"), kind: .file))
        }
        return entries
    }

    /// Which file a path names (device and inode, following symbolic links), and whether it is a folder.
    struct FileIdentity: Sendable, Equatable {
        var device: UInt64
        var inode: UInt64
        var isDirectory: Bool

        /// The identity of the file at `path`, or nil when `stat` fails (a dangling link, a loop of links: read as
        /// a file, whose opening says why).
        init?(path: String) {
            var status = stat()
            guard stat(path, &status) == 0 else { return nil }
            device = UInt64(status.st_dev)
            inode = UInt64(status.st_ino)
            isDirectory = status.st_mode & S_IFMT == S_IFDIR
        }
    }

    /// Every entry of a folder, in name order, or why it could not be listed (`strerror`'s text). A folder that
    /// cannot be listed is not an empty one: a night that cannot see a feed's files must not be read as a night
    /// without them.
    public static func listing(of folder: String) -> (names: [String], failure: String?) {
        do {
            return (try FileManager.default.contentsOfDirectory(atPath: folder).sorted(), nil)
        } catch {
            // Foundation's error does not carry errno on every platform; opening the folder again gives it.
            guard let directory = opendir(folder) else { return ([], String(cString: strerror(errno))) }
            closedir(directory)
            return ([], error.localizedDescription)
        }
    }

    /// Why an entry of a feed folder is not read, or nil when it is (its name ends in `.csv` or `.csv.gz`, whether it
    /// is compressed being told by its first bytes, not its name; or in `.rollup.json`).
    public static func refusalOfName(_ name: String) -> FileRefusalReason? {
        let lowered = name.lowercased()
        if lowered.hasSuffix(".csv") || lowered.hasSuffix(".csv.gz") || isRollup(name) { return nil }
        return lowered.hasSuffix(".gz") ? .gzipNameWithoutCSV : .notAFeedFileName
    }

    /// Whether an entry of a feed folder is a rollup of an event-level file (`events.csv.rollup.json`), read as the
    /// file's counts (DESIGN §3.5).
    public static func isRollup(_ name: String) -> Bool {
        name.lowercased().hasSuffix(RangeRollup.fileSuffix)
    }

    /// Reads every feed of `folder`. `onFile` is called before each file with its path relative to `folder`.
    ///
    /// A `banners` file (impressions and clicks on each row) is read once, and its counts join those of the
    /// `impressions` and `clicks` folders, read before it: a day it gives again restates theirs, as a later file
    /// of their own folder would (DESIGN §3.3).
    public func read(folder: String, onFile: (String) -> Void = { _ in }) -> IngestedData {
        progress?.begin(totalBytes: Self.bytesToRead(in: folder))
        return read(.folder(folder), onFile: onFile)
    }

    /// Reads feed files held in memory as ``read(folder:onFile:)`` reads a data folder holding them: the same
    /// `IngestedData`, file reports and rejects, parts included (`parallelism`), with no file opened and no `stat`
    /// call. A feed none of `files` is of is absent; names are those of entries of the feed's folder, skipped,
    /// refused by name or read as on disk. Two files of one feed with one name: the last is read.
    public func read(files: [FileBytes], onFile: (String) -> Void = { _ in }) -> IngestedData {
        var byFeed: [Feed: [String: [UInt8]]] = [:]
        for file in files { byFeed[file.feed, default: [:]][file.name] = file.bytes }
        progress?.begin(totalBytes: files.reduce(0) { $0 + $1.bytes.count })
        return read(.memory(byFeed), onFile: onFile)
    }

    private func read(_ source: Source, onFile: (String) -> Void) -> IngestedData {
        var data = IngestedData()
        var accumulators: [Feed: FeedAccumulator] = [:]
        // The files whose counts each accumulator holds, by the file index stored with every count.
        var fileNames: [Feed: [String]] = [:]
        for feed in Feed.allCases {
            guard source.hasFeed(feed) else {
                data.absentFeeds.append(feed)
                continue
            }
            // Listed once, so that a folder that stops being readable midway is not read as an empty one.
            let listing = source.listing(of: feed)
            if let failure = listing.failure {
                data.unreadableFeeds.append(UnreadableFeedFolder(feed: feed, folder: feed.rawValue, system: failure))
                continue
            }
            for target in feed.providedFeeds where accumulators[target] == nil {
                accumulators[target] = FeedAccumulator(feed: target)
            }
            for entry in listing.entries {
                guard case .skipped(let reason) = entry.kind else { continue }
                data.skippedFiles.append(
                    SkippedFile(feed: feed, file: "\(feed.rawValue)/\(entry.path)", reason: reason))
            }
            // Rollups are checked against every entry of the feed folder's tree (DESIGN §3.5).
            let paths = listing.entries.map(\.path)
            for entry in listing.entries {
                if case .skipped = entry.kind { continue }
                let name = entry.path
                let relative = "\(feed.rawValue)/\(name)"
                onFile(relative)
                var reader = FeedFileReader(
                    feed: feed, localDays: localDays, delimiter: delimiter,
                    options: (options[feed] ?? FeedReadOptions()).resolved(forFile: name), progress: progress)
                reader.digestsInput = digestsInputs
                // A file that gives two feeds' counts is read with keys of its own, then split between them.
                let interner =
                    feed.providedFeeds == [feed] ? accumulators[feed]?.interner ?? KeyInterner() : KeyInterner()
                var outcome: FeedFileReader.Outcome
                if case .unlistable(let system) = entry.kind {
                    // A folder whose files cannot be seen is not an empty one: the night is an I/O failure.
                    outcome = FeedFileReader.Outcome(report: FileReport(feed: feed, file: relative))
                    reader.refuse(
                        &outcome, isIO: true, line: nil, column: nil, reason: .csv(.cannotOpen(system: system)))
                } else if let refusal = Self.refusalOfName(String(name.split(separator: "/").last ?? "")) {
                    outcome = FeedFileReader.Outcome(report: FileReport(feed: feed, file: relative))
                    reader.refuse(&outcome, isIO: false, line: nil, column: nil, reason: refusal)
                    // Not read, but described in the manifest as it was when opened (a FIFO is not opened).
                    if let input = try? source.open(name, of: feed) {
                        outcome.report.byteCount = input.byteCount
                        outcome.report.sha256 = try? input.finish(digest: digestsInputs)
                    }
                } else {
                    do {
                        let input = try source.open(name, of: feed, digesting: digestsInputs)
                        if Self.isRollup(name) {
                            outcome = reader.readRollup(
                                input, name: relative, entries: paths,
                                fileIndex: Int32(fileNames[feed, default: []].count),
                                interner: interner)
                        } else {
                            outcome = reader.read(
                                input, name: relative, fileIndex: Int32(fileNames[feed, default: []].count),
                                interner: interner, parallelism: parallelism)
                        }
                    } catch {
                        // Missing since the folder was listed, a directory, a FIFO, a socket or a device: refused
                        // without waiting on it.
                        outcome = FeedFileReader.Outcome(report: FileReport(feed: feed, file: relative))
                        reader.refuse(&outcome, isIO: true, line: nil, column: nil, reason: .csv(error.problem))
                    }
                }
                if feed.providedFeeds == [feed], var accumulator = accumulators.removeValue(forKey: feed) {
                    fileNames[feed, default: []].append(relative)
                    merge(&outcome, into: &accumulator, fileNames: fileNames[feed] ?? [], revisions: &data.revisions)
                    accumulators[feed] = accumulator
                } else {
                    for (position, target) in feed.providedFeeds.enumerated() {
                        guard var accumulator = accumulators.removeValue(forKey: target) else { continue }
                        fileNames[target, default: []].append(relative)
                        var part = Self.counts(
                            of: outcome, position: position, interner: interner, into: accumulator.interner,
                            fileIndex: Int32((fileNames[target]?.count ?? 1) - 1))
                        merge(&part, into: &accumulator, fileNames: fileNames[target] ?? [], revisions: &data.revisions)
                        outcome.report.revisions += part.report.revisions
                        accumulators[target] = accumulator
                    }
                }
                data.files.append(outcome.report)
                data.rejects += outcome.rejects
            }
        }
        fill(&data, from: accumulators)
        return data
    }

    /// One feed's share of the daily counts of a file read with keys of its own (`interner`): its main count
    /// (`position` 0) or its companion (1) as the main count, with the keys interned in `target` and the file
    /// index `fileIndex`.
    private static func counts(
        of outcome: FeedFileReader.Outcome, position: Int, interner: KeyInterner, into target: KeyInterner,
        fileIndex: Int32
    ) -> FeedFileReader.Outcome {
        var share = FeedFileReader.Outcome(report: FileReport(feed: outcome.report.feed, file: outcome.report.file))
        share.batch = CountTable(keepsDetails: true)
        let mapping = interner.values.map { value in
            var value = value
            return value.withUTF8 { target.intern($0) }
        }
        for (key, counts) in outcome.batch {
            share.batch[RowKey(dimensions: mapping[Int(key.dimensions)], day: key.day)] = RowCounts(
                main: position == 0 ? counts.main : counts.companion, companion: -1, file: fileIndex,
                line: counts.line)
        }
        return share
    }

    private func merge(
        _ outcome: inout FeedFileReader.Outcome, into accumulator: inout FeedAccumulator, fileNames: [String],
        revisions: inout [Revision]
    ) {
        if outcome.report.isEventLevel {
            if accumulator.events.isEmpty {
                // The first event-level file of the feed: its table becomes the feed's, without a copy.
                swap(&accumulator.events, &outcome.batch)
                return
            }
            for (key, counts) in outcome.batch {
                // Each file's day totals fit in Int64 (the reader rejects the row that would overflow one); totals
                // over several files saturate rather than trap: a count of 9223372036854775807 shows itself.
                accumulator.events.addSaturating(
                    counts.main, to: key,
                    initial: RowCounts(main: 0, companion: -1, file: counts.file, line: counts.line))
            }
            return
        }
        for (key, counts) in outcome.batch {
            if let previous = accumulator.daily[key] {
                outcome.report.revisions += 1
                if previous.main != counts.main || previous.companion != counts.companion {
                    revisions.append(
                        Revision(
                            feed: accumulator.feed, key: accumulator.describe(key),
                            date: CivilDate(daysSinceEpoch: Int(key.day)), previous: previous.values,
                            restated: counts.values, previousFile: fileNames[Int(previous.file)],
                            previousLine: Int(previous.line), file: fileNames[Int(counts.file)],
                            line: Int(counts.line)))
                }
            }
            accumulator.daily[key] = counts
        }
    }

    /// The campaign and day of each row as one integer (the campaign's number in `numbers`, then the day), sorted.
    /// Rows come grouped by campaign, so the campaign is hashed only when it changes.
    private static func campaignDays(_ rows: [BannerDay], numbering numbers: inout [String: UInt64]) -> [UInt64] {
        var days: [UInt64] = []
        days.reserveCapacity(rows.count)
        var campaign: String?
        var number: UInt64 = 0
        for row in rows {
            if row.campaign != campaign {
                campaign = row.campaign
                number = numbers[row.campaign] ?? UInt64(numbers.count)
                numbers[row.campaign] = number
            }
            let day = RowKey.orderedBits(ofDay: Int32(truncatingIfNeeded: row.date.daysSinceEpoch))
            days.append(number << 32 | UInt64(day))
        }
        days.sort()
        return days
    }

    /// The days of clicks on a campaign that shows no impressions on that day, in order, and every campaign of
    /// either feed.
    private static func clicksWithoutImpressions(
        _ impressions: [BannerDay], _ clicks: [BannerDay]
    ) -> (days: [CampaignDay], campaigns: Set<String>) {
        var numbers: [String: UInt64] = [:]
        let shown = campaignDays(impressions, numbering: &numbers)
        let clicked = campaignDays(clicks, numbering: &numbers)
        var names = [String](repeating: "", count: numbers.count)
        for (name, number) in numbers { names[Int(number)] = name }
        var alone: [CampaignDay] = []
        var next = 0
        for (index, value) in clicked.enumerated() where index == 0 || clicked[index - 1] != value {
            while next < shown.count && shown[next] < value { next += 1 }
            if next < shown.count && shown[next] == value { continue }
            let day = RowKey.day(fromOrderedBits: UInt32(truncatingIfNeeded: value))
            alone.append(CampaignDay(campaign: names[Int(value >> 32)], date: CivilDate(daysSinceEpoch: Int(day))))
        }
        return (alone.sorted(), Set(names))
    }

    private func fill(_ data: inout IngestedData, from accumulators: consuming [Feed: FeedAccumulator]) {
        data.revisions.sort { ($0.feed, $0.key, $0.date) < ($1.feed, $1.key, $1.date) }
        for feed in accumulators.keys.sorted() {
            // Each feed's counts are let go once its rows are made, so two copies of one feed are never held.
            guard var accumulator = accumulators.removeValue(forKey: feed) else { continue }
            let bound = accumulator.mergedCountBound
            switch feed {
            case .impressions: data.impressions.reserveCapacity(bound)
            case .clicks: data.clicks.reserveCapacity(bound)
            case .hashtagVideos: data.hashtagVideos.reserveCapacity(bound)
            case .helplineCalls: data.helplineCalls.reserveCapacity(bound)
            case .banners: break
            }
            // Rows of one campaign, banner, placement and region share one key, made when the first is met.
            var bannerKeys = [BannerKey?](repeating: nil, count: accumulator.interner.values.count)
            accumulator.forEachMerged { key, counts, name in
                let date = CivilDate(daysSinceEpoch: Int(key.day))
                switch feed {
                case .impressions, .clicks:
                    let shared: BannerKey
                    if let made = bannerKeys[Int(key.dimensions)] {
                        shared = made
                    } else {
                        shared = BannerKey(campaign: name[0], banner: name[1], placement: name[2], region: name[3])
                        bannerKeys[Int(key.dimensions)] = shared
                    }
                    let row = BannerDay(date: date, key: shared, count: counts.main)
                    if feed == .impressions { data.impressions.append(row) } else { data.clicks.append(row) }
                case .hashtagVideos:
                    data.hashtagVideos.append(
                        HashtagDay(
                            date: date, spelling: name[0], videos: counts.main,
                            views: counts.companion < 0 ? nil : counts.companion))
                case .banners:
                    // Never accumulated: a banners file's counts join those of impressions and clicks.
                    break
                case .helplineCalls:
                    data.helplineCalls.append(
                        HelplineDay(
                            date: date, helpline: name[0], calls: counts.main,
                            answered: counts.companion < 0 ? nil : counts.companion))
                }
            }
        }
        let campaignDays = Self.clicksWithoutImpressions(data.impressions, data.clicks)
        data.clicksWithoutImpressions = campaignDays.days
        let campaigns = campaignDays.campaigns
        data.undeclaredCampaigns = campaigns.subtracting(declaredCampaigns).sorted()
    }
}

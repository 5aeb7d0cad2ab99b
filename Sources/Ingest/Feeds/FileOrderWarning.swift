/// Two files of a feed whose name order disagrees with the days they hold: `later` is read after `earlier` (it
/// sorts after it by name), restates days `earlier` gave, and yet ends before it, so it is probably the older
/// export (`appels_30-06-2020.csv` read after `appels_01-07-2020.csv`) and its values silently replaced the
/// newer file's.
public struct FileOrderWarning: Sendable, Equatable {
    /// The feed.
    public let feed: Feed
    /// The file read later, whose values won.
    public let later: String
    /// The file it restated.
    public let earlier: String
    /// The values `later` restated from `earlier`.
    public let restatedValues: Int
    /// The last day of `later`, before that of `earlier`.
    public let laterLastDay: CivilDate
    /// The last day of `earlier`.
    public let earlierLastDay: CivilDate
}

extension IngestedData {
    /// The pairs of files whose name order disagrees with their dates (see `FileOrderWarning`), in the order
    /// their first revision was found.
    public var fileOrderWarnings: [FileOrderWarning] {
        let lastDays = Dictionary(files.compactMap { file in file.lastDay.map { (file.file, $0) } }) { first, _ in first
        }
        var counts: [String: Int] = [:]
        var order: [(Feed, String, String)] = []
        for revision in revisions where revision.file != revision.previousFile {
            let pair = revision.file + "\u{0}" + revision.previousFile
            if counts[pair] == nil { order.append((revision.feed, revision.file, revision.previousFile)) }
            counts[pair, default: 0] += 1
        }
        return order.compactMap { feed, later, earlier in
            guard let laterDay = lastDays[later], let earlierDay = lastDays[earlier], laterDay < earlierDay else {
                return nil
            }
            return FileOrderWarning(
                feed: feed, later: later, earlier: earlier, restatedValues: counts[later + "\u{0}" + earlier] ?? 0,
                laterLastDay: laterDay, earlierLastDay: earlierDay)
        }
    }
}

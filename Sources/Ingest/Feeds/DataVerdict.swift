/// Whether ingested data is usable; the command line maps it to the exit status of `validate` and `run`.
public enum DataVerdict: Sendable, Equatable {
    /// Every file was read and the reject rate is within the threshold.
    case usable
    /// Too many rows were rejected, or a file was refused for its content.
    case problems
    /// A file or a feed folder could not be read (permissions, a directory named `.csv`, a read error).
    case ioFailure
}

extension IngestedData {
    /// The verdict with at most `maxRejectRate` (a fraction) of the rows read rejected. A file refused
    /// for its content is a data problem even when it held no rows (an empty file in a delivery is one).
    /// This is the verdict without last night to compare with; `NightVerdict` adds the rules that need it and
    /// the per-file threshold, and is what `validate` and `run` use.
    public func verdict(maxRejectRate: Double) -> DataVerdict {
        if !unreadableFeeds.isEmpty || files.contains(where: { $0.failure?.isIOError == true }) { return .ioFailure }
        if rejectRate > maxRejectRate || files.contains(where: { $0.failure != nil }) { return .problems }
        return .usable
    }
}

import Reporting

extension OutputRefusal: CustomStringConvertible {
    /// The refusal as the command line prints it after `error: <folder>: ` (English, as every diagnostic): what the
    /// folder is or holds, that nothing was read or written, and what to do.
    public var description: String {
        let nothingDone = "nothing was read or written"
        switch self {
        case .noFolderName(_, let role):
            return "\(role.option) must name a folder below the file system's root; \(nothingDone)"
        case .sameFolder:
            return "--out and --notebooks are the same folder, and each run replaces both; give them different "
                + "folders; \(nothingDone)"
        case .nested(let inner, let innerRole, _, let outerRole):
            return "\(outerRole.option) holds \(innerRole.option) \(inner), and replacing the one would delete the "
                + "other; give them folders side by side; \(nothingDone)"
        case .overlapsData(_, let role, let data, let overlap):
            let relation =
                switch overlap {
                case .same: "is the data folder"
                case .inside: "is inside the data folder \(data)"
                case .contains: "holds the data folder \(data)"
                }
            return "\(role.option) \(relation), and a run replaces its output folders whole; choose a folder "
                + "outside the data; \(nothingDone)"
        case .holdsWorkingDirectory(_, let role):
            return "\(role.option) is the current folder or one of its parents, and a run replaces its output "
                + "folders whole; choose a folder of its own (the default is reports); \(nothingDone)"
        case .symbolicLink(_, let role, let target):
            return "\(role.option) is a symbolic link (to \(target)); a run replaces its output folders whole and "
                + "never empties a link's target; give the target's path, or remove the link; \(nothingDone)"
        case .notAFolder(_, let role):
            return "\(role.option) names something that is not a folder; choose a new or empty folder; \(nothingDone)"
        case .notOurs(_, let role, let foreign, let count):
            let more = count > foreign.count ? ", and \(count - foreign.count) more" : ""
            let entries = count == 1 ? "1 entry" : "\(count) entries"
            return "\(role.option) holds \(entries) that no awareness run wrote: \(foreign.joined(separator: ", "))"
                + "\(more); a run replaces only a folder that is absent, empty or its own, so choose a new or empty "
                + "folder, or move those entries away; \(nothingDone)"
        case .nightStoreNotOurs(_, let foreign, let count):
            guard count > 0 else {
                return "the store of nights of --out (where a run keeps the folders --out and --notebooks link to) "
                    + "is not a folder; move it away; \(nothingDone)"
            }
            let more = count > foreign.count ? ", and \(count - foreign.count) more" : ""
            let entries = count == 1 ? "1 entry" : "\(count) entries"
            return "the store of nights of --out (where a run keeps the folders --out and --notebooks link to) "
                + "holds \(entries) that no awareness run made: \(foreign.joined(separator: ", "))\(more); move "
                + "those entries away; \(nothingDone)"
        }
    }
}

extension OutputRole {
    /// The option that names the folder (`--out`), or how the diagnostics folder is named (`--out's .failed`).
    public var option: String {
        switch self {
        case .reports: "--out"
        case .notebooks: "--notebooks"
        case .diagnostics: "the diagnostics folder (<out>.failed)"
        }
    }
}

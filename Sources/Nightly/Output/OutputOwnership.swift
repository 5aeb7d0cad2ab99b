import Foundation
import Ingest
import Reporting

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whether an existing folder is one a run may replace: the rule that keeps `awareness run` from deleting what it
/// did not write.
///
/// A folder is a run's own when every entry in it is one a run writes for its role (below) and the folder shows
/// that a run wrote it: its ``NightMark`` for that role, or, for folders written before the mark existed, a
/// `run-manifest.json` whose `tool_version` starts with `awareness ` (reports, diagnostics) or, for a notebooks
/// folder, notebooks that read `AWARENESS_REPORTS` as every exported notebook does, beside at most the README a
/// run writes there. Desktop leftovers (`.DS_Store`, `Thumbs.db`, `desktop.ini`) are ignored, and so is Jupyter's
/// `.ipynb_checkpoints` in a notebooks folder: opening the notebooks makes it. Anything else, a hidden `.git`
/// included, is foreign.
///
/// - reports: `summary.md`, `report.html`, `daily.csv`, `weekly.csv`, `uplift.csv`, `uplift.json`, `rejects.csv`,
///   `revisions.csv`, `run-manifest.json`, the mark, `campaigns/` holding `.md` files, `charts/` holding `.svg`
///   files and `excel/` holding `.csv` files;
/// - notebooks: `.ipynb` files, `README.md` and the mark;
/// - diagnostics: `failed-night.md`, `rejects.csv`, `run-manifest.json`.
public enum OutputOwnership {
    /// The entries of the folder at `path` that no run wrote, as relative paths in sorted order (`charts/x.png`
    /// for one inside a run's subfolder); empty when the folder is absent, empty, or a run's own for `role`.
    /// Every entry counts as foreign when nothing shows that a run wrote the folder.
    public static func foreignEntries(in path: String, role: OutputRole) -> [String] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: path) else { return [] }
        let kept = entries.filter { !ignored.contains($0) && !(role == .notebooks && $0 == ".ipynb_checkpoints") }
        guard !kept.isEmpty else { return [] }
        var foreign: [String] = []
        for entry in kept {
            let full = (path as NSString).appendingPathComponent(entry)
            switch kind(of: full) {
            case .file where files(of: role).contains(entry) || (role == .notebooks && entry.hasSuffix(".ipynb")):
                continue
            case .folder where role == .reports && subfolders[entry] != nil:
                let suffix = subfolders[entry] ?? ""
                let inside = (try? FileManager.default.contentsOfDirectory(atPath: full)) ?? []
                for name in inside where !ignored.contains(name) {
                    let isOurs =
                        name.hasSuffix(suffix) && kind(of: (full as NSString).appendingPathComponent(name)) == .file
                    if !isOurs { foreign.append(entry + "/" + name) }
                }
            default:
                foreign.append(entry)
            }
        }
        guard foreign.isEmpty else { return foreign.sorted() }
        return unproven(path, role: role, entries: kept).sorted()
    }

    /// Names a desktop leaves in any folder it shows; deleting them loses nothing.
    static let ignored: Set<String> = [".DS_Store", "Thumbs.db", "desktop.ini"]

    /// The report subfolders and the extension of the files a run writes in them.
    static let subfolders = ["campaigns": ".md", "charts": ".svg", "excel": ".csv"]

    /// The plain files a run writes at the top of `role`'s folder.
    static func files(of role: OutputRole) -> Set<String> {
        switch role {
        case .reports:
            [
                "summary.md", "report.html", "daily.csv", "weekly.csv", "uplift.csv", "uplift.json",
                "rejects.csv", "revisions.csv", "run-manifest.json", NightMark.fileName,
            ]
        case .notebooks: ["README.md", NightMark.fileName]
        case .diagnostics: ["failed-night.md", "rejects.csv", "run-manifest.json", NightMark.fileName]
        }
    }

    /// The entries (all of them a run's names) that nothing shows a run wrote: none when the folder has its
    /// ``NightMark`` or a run manifest naming the tool; for a notebooks folder without either, the notebooks that do
    /// not read `AWARENESS_REPORTS` and a README that is not the one a run writes.
    static func unproven(_ path: String, role: OutputRole, entries: [String]) -> [String] {
        if let mark = NightMark.read(inFolder: path), mark.tool == NightMark.toolName, mark.folder == role.markName {
            return []
        }
        func text(_ name: String) -> String {
            (try? String(contentsOfFile: (path as NSString).appendingPathComponent(name), encoding: .utf8)) ?? ""
        }
        switch role {
        case .reports, .diagnostics:
            let manifest = (path as NSString).appendingPathComponent("run-manifest.json")
            guard let data = FileManager.default.contents(atPath: manifest),
                let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                let version = object["tool_version"] as? String, version.hasPrefix(NightMark.toolName + " ")
            else { return entries }
            return []
        case .notebooks:
            let readmes = Set(ReportLanguage.allCases.map { ReportWording(language: $0).notebooksReadme })
            return entries.filter { entry in
                switch entry {
                case "README.md": !readmes.contains(text(entry))
                case NightMark.fileName: true
                default: !text(entry).contains("AWARENESS_REPORTS")
                }
            }
        }
    }

    enum EntryKind { case file, folder, other, absent }

    /// What is at `path`, symbolic links not followed (a link is `other`, never its target's kind).
    static func kind(of path: String) -> EntryKind {
        var status = stat()
        guard lstat(path, &status) == 0 else { return .absent }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        default: return .other
        }
    }
}

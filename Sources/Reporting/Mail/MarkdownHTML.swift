import CCmarkGFM

#if canImport(Glibc)
    import Glibc
#endif

/// The reports' markdown as HTML, by cmark-gfm (GitHub's CommonMark parser, with its table, strikethrough and
/// autolink extensions), the renderer GitHub and GitLab use for the same files.
///
/// Raw HTML in the markdown is kept (`CMARK_OPT_UNSAFE`): the only raw HTML a report holds is its own `<details>`
/// folds, since every text that comes from the data is escaped when the markdown is written.
enum MarkdownHTML {
    /// The HTML body of `markdown`; empty when the parser could not be set up.
    static func render(_ markdown: String) -> String {
        cmark_gfm_core_extensions_ensure_registered()
        let options = CMARK_OPT_UNSAFE
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink"] {
            if let extensionHandle = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionHandle)
            }
        }
        var bytes = Array(markdown.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parser_feed(parser, $0, buffer.count)
            }
        }
        guard let document = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(document) }
        guard let html = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
            return ""
        }
        defer { free(html) }
        return String(cString: html)
    }
}

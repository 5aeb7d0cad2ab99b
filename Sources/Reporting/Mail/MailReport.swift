import Ingest

/// `report.html`: the night's summary and every campaign report in one self-contained HTML file, to attach to a
/// mail or paste into a CMS (DESIGN §5).
///
/// One file rather than one per campaign, because a press officer forwards one attachment and the summary links to
/// the campaigns inside it. The charts are inline SVG (no image file to lose, no external resource), there is no
/// script, and what a mail client strips cannot hide anything: the `<details>` folds of the markdown are opened
/// into plain titled blocks, and tables carry their borders in `style` attributes rather than only in the head's
/// stylesheet. The text is the markdown reports' own, in their language, escaped as they are.
public struct MailReport: Sendable {
    /// One report of the night: its anchor id (a campaign id, or `summary`) and its markdown.
    public struct Part: Sendable {
        /// The anchor the summary's links lead to (`campaign-<id>`), or nil for the summary.
        public let campaign: String?
        /// The markdown, as written to `summary.md` or `campaigns/<id>.md`.
        public let markdown: String

        /// A part of the report.
        public init(campaign: String?, markdown: String) {
            self.campaign = campaign
            self.markdown = markdown
        }
    }

    /// The title of the page (the summary's heading).
    public let title: String
    /// The language of the reports (`lang` of the page).
    public let language: ReportLanguage
    /// The summary, then each campaign.
    public let parts: [Part]
    /// Each chart's SVG by its path in the reports folder (`charts/<name>.svg`).
    public let charts: [String: String]

    /// A report of `parts`, whose markdown points at `charts` as `../charts/<name>.svg`.
    public init(title: String, language: ReportLanguage, parts: [Part], charts: [String: String]) {
        self.title = title
        self.language = language
        self.parts = parts
        self.charts = charts
    }

    /// The whole page.
    public var html: String {
        var chartNumber = 0
        var body = ""
        for part in parts {
            let id = part.campaign.map { "campaign-" + Self.anchorSafe($0) } ?? "summary"
            var html = MarkdownHTML.render(part.markdown)
            html = Self.linkCampaignsInside(html)
            html = Self.openFolds(html)
            html = Self.styleTables(html)
            html = inlineCharts(html, numbering: &chartNumber)
            body += "<section id=\"\(id)\">\n" + html + "</section>\n<hr>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(Self.escaped(title))</title>
            <style>
            body { font-family: "DejaVu Sans", Verdana, Arial, sans-serif; max-width: 960px; margin: 1em auto; \
            padding: 0 1em; color: #222; line-height: 1.4; }
            table { border-collapse: collapse; margin: 0.5em 0; font-size: 0.9em; }
            th, td { border: 1px solid #ccc; padding: 2px 6px; }
            figure { margin: 1em 0; }
            svg { max-width: 100%; height: auto; }
            .fold-title { font-weight: bold; margin-bottom: 0.2em; }
            </style>
            </head>
            <body>

            """ + body + "</body>\n</html>\n"
    }

    /// `text` escaped for HTML text and attributes.
    static func escaped(_ text: String) -> String {
        var output = ""
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            default: output.append(character)
            }
        }
        return output
    }

    /// A campaign id as an anchor: characters other than letters, digits, `-` and `_` become `-`.
    static func anchorSafe(_ id: String) -> String {
        String(id.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" })
    }

    /// The summary's links to `campaigns/<id>.md` lead to the campaign's section of the same page.
    static func linkCampaignsInside(_ html: String) -> String {
        html.replacing(#/href="campaigns/([^"]+)\.md"/#) { match in
            "href=\"#campaign-\(anchorSafe(String(match.output.1)))\""
        }
    }

    /// The `<details>` folds opened into titled blocks, which no mail client can hide.
    static func openFolds(_ html: String) -> String {
        html.replacing("<details>", with: "<div class=\"fold\">")
            .replacing("</details>", with: "</div>")
            .replacing(#/<summary>(.*?)</summary>/#) { match in
                "<p class=\"fold-title\" style=\"font-weight:bold\">\(match.output.1)</p>"
            }
    }

    /// Borders and padding in the tables' own attributes, for mail clients that drop the head's stylesheet.
    static func styleTables(_ html: String) -> String {
        html.replacing("<table>", with: "<table style=\"border-collapse:collapse\">")
            .replacing("<th>", with: "<th style=\"border:1px solid #ccc;padding:2px 6px\">")
            .replacing("<td>", with: "<td style=\"border:1px solid #ccc;padding:2px 6px\">")
            .replacing(#/<(th|td) align="(left|right|center)">/#) { match in
                "<\(match.output.1) style=\"border:1px solid #ccc;padding:2px 6px;text-align:\(match.output.2)\">"
            }
    }

    /// Each `<img>` of a chart replaced by the chart's SVG, its ids numbered so that two charts' patterns never
    /// share one. An image whose chart is not among `charts` stays as it is.
    func inlineCharts(_ html: String, numbering: inout Int) -> String {
        var number = numbering
        let result = html.replacing(#/<img src="\.\./(charts/[^"]+)" alt="([^"]*)" ?/?>/#) { match in
            guard let svg = charts[String(match.output.1)] else { return String(match.output.0) }
            number += 1
            return "<figure role=\"img\" aria-label=\"\(match.output.2)\">"
                + Self.inlinable(svg, prefix: "c\(number)-") + "</figure>"
        }
        numbering = number
        return result
    }

    /// An SVG file made fit to sit in a page: no XML declaration, every id (and reference to it) prefixed.
    static func inlinable(_ svg: String, prefix: String) -> String {
        var text = svg.replacing(#/<\?xml[^>]*\?>\s*/#, with: "")
        let ids = Set(text.matches(of: #/ id="([^"]+)"/#).map { String($0.output.1) })
        for id in ids.sorted() {
            text = text.replacing(" id=\"\(id)\"", with: " id=\"\(prefix)\(id)\"")
                .replacing("url(#\(id))", with: "url(#\(prefix)\(id))")
                .replacing("href=\"#\(id)\"", with: "href=\"#\(prefix)\(id)\"")
        }
        return text.hasSuffix("\n") ? String(text.dropLast()) : text
    }
}

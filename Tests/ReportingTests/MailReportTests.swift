import Ingest
import Testing

@testable import Reporting

/// `report.html` is one self-contained page a mail client shows whole.
@Suite("HTML report to mail")
struct MailReportTests {
    static let chart = """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><defs><pattern id="hatch" width="2" \
        height="2"/></defs><rect width="10" height="10" fill="url(#hatch)"/></svg>

        """

    static let report = MailReport(
        title: "Synthèse <nuit>", language: .fr,
        parts: [
            MailReport.Part(
                campaign: nil,
                markdown: "# Synthèse\n\nRapport complet : [`campaigns/a-b.md`](campaigns/a-b.md)\n"),
            MailReport.Part(
                campaign: "a-b",
                markdown: """
                    # Campagne A & B

                    ![Appels au 119](../charts/a.svg)

                    <details>
                    <summary>Chiffres du graphique</summary>

                    | Date | Observé |
                    |---|--:|
                    | 4 mai | 1 200 |

                    </details>

                    ![Appels au 119 encore](../charts/a.svg)

                    """),
        ],
        charts: ["charts/a.svg": chart])

    /// The whole page of a summary and one campaign, read by eye: the fold opened into a titled block, the table's
    /// borders in its own attributes, the chart inline twice with its pattern id numbered each time, the summary's
    /// link leading to the campaign's section, the title escaped.
    @Test func aSummaryAndACampaignMakeOnePage() {
        let html = Self.report.html
        let body = html.components(separatedBy: "<body>\n").last ?? ""
        #expect(
            body == """
                <section id="summary">
                <h1>Synthèse</h1>
                <p>Rapport complet : <a href="#campaign-a-b"><code>campaigns/a-b.md</code></a></p>
                </section>
                <hr>
                <section id="campaign-a-b">
                <h1>Campagne A &amp; B</h1>
                <p><figure role="img" aria-label="Appels au 119"><svg xmlns="http://www.w3.org/2000/svg" width="10" \
                height="10"><defs><pattern id="c1-hatch" width="2" height="2"/></defs><rect width="10" height="10" \
                fill="url(#c1-hatch)"/></svg></figure></p>
                <div class="fold">
                <p class="fold-title" style="font-weight:bold">Chiffres du graphique</p>
                <table style="border-collapse:collapse">
                <thead>
                <tr>
                <th style="border:1px solid #ccc;padding:2px 6px">Date</th>
                <th style="border:1px solid #ccc;padding:2px 6px;text-align:right">Observé</th>
                </tr>
                </thead>
                <tbody>
                <tr>
                <td style="border:1px solid #ccc;padding:2px 6px">4 mai</td>
                <td style="border:1px solid #ccc;padding:2px 6px;text-align:right">1 200</td>
                </tr>
                </tbody>
                </table>
                </div>
                <p><figure role="img" aria-label="Appels au 119 encore"><svg xmlns="http://www.w3.org/2000/svg" \
                width="10" height="10"><defs><pattern id="c2-hatch" width="2" height="2"/></defs><rect width="10" \
                height="10" fill="url(#c2-hatch)"/></svg></figure></p>
                </section>
                <hr>
                </body>
                </html>

                """)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">"))
        #expect(html.contains("<title>Synthèse &lt;nuit&gt;</title>"))
    }

    /// Nothing in the page fetches or runs anything: no script, no source, no stylesheet link.
    @Test func thePageLoadsNothingAndRunsNothing() {
        let html = Self.report.html
        for forbidden in ["<script", "src=", "<link", "<details", "<img", "@import"] {
            #expect(!html.contains(forbidden), "\(forbidden)")
        }
    }
}

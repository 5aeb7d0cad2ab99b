import Ingest

/// The notebook of one campaign (`Notebooks-export/<id>.ipynb`): the report's text as markdown cells and,
/// for each chart, a code cell that shows the run's SVG of it and computes its table from the tidy files,
/// with those outputs already filled in so it displays without a kernel.
///
/// Every pre-filled output is exactly what executing its cell gives on the run's output folder:
/// `scripts/check-notebook-outputs` executes each notebook and compares them. The tables are formatted in
/// Python by the helpers of the setup cell, which follow ``HumanFormat``, ``ReportWording/isoWeek(_:)`` and
/// ``MarkdownTable`` (same rounding, separators, month names, week names and padding), so they equal the Swift
/// tables character for character.
///
/// The code reads the output folder from the `AWARENESS_REPORTS` environment variable, by default
/// `../reports` (the notebook folder's sibling), and stops with a message naming the folder it looked in.
public enum CampaignNotebook {
    /// The first code cell for `language`: imports, where the tidy files are, and the table formatting.
    public static func setup(language: ReportLanguage) -> String {
        let wording = ReportWording(language: language)
        let missing = wording.notebookReportsMissing
        let comment = wording.notebookReportsComment
        let months = "[" + (1...12).map { "\"\(wording.format.monthName($0))\"" }.joined(separator: ", ") + "]"
        let format = wording.format
        let python = CampaignCharts.python
        return #"""
            import json
            import math
            import os
            from datetime import date
            from pathlib import Path

            import pandas as pd
            from IPython.display import display

            \#(comment)
            REPORTS = Path(os.environ.get("AWARENESS_REPORTS", "../reports"))
            if not (REPORTS / "uplift.json").is_file():
                raise FileNotFoundError(f"\#(missing)")
            uplift = json.loads((REPORTS / "uplift.json").read_text(encoding="utf-8"))
            daily = pd.read_csv(REPORTS / "daily.csv")
            weekly = pd.read_csv(REPORTS / "weekly.csv")

            # How the report's language writes numbers, intervals, dates and weeks (the run's formatter's own).
            DECIMAL, GROUP = \#(python(format.decimalSeparator)), \#(python(format.groupSeparator))
            PERCENT, TO = \#(python(format.percentSign)), \#(python(format.intervalJoin))
            FIRST_OF_MONTH = \#(python(format.firstOfMonth))
            WEEK = \#(python(wording.weekName(number: "{number}", year: "{year}")))
            MONTHS = \#(months)
            DASH = "\u2013"


            def number(value, digits=0):
                if value is None or not math.isfinite(value):
                    return DASH
                scaled = abs(value) * 10.0**digits
                whole = math.floor(scaled)
                whole += 1 if scaled - whole >= 0.5 else 0
                text = str(whole).rjust(digits + 1, "0")
                integer, fraction = text[: len(text) - digits], text[len(text) - digits :]
                groups = []
                while len(integer) > 3:
                    groups.insert(0, integer[-3:])
                    integer = integer[:-3]
                body = GROUP.join([integer] + groups)
                if fraction:
                    body += DECIMAL + fraction
                return ("-" if value < 0 and whole > 0 else "") + body


            def percent(fraction, digits=2):
                text = number(fraction * 100, digits)
                return text if text == DASH else text + PERCENT


            def interval(lower, upper):
                return lower + TO + upper


            def day_text(day):
                return FIRST_OF_MONTH if day.day == 1 else str(day.day)


            def long_date(day):
                return f"{day_text(day)} {MONTHS[day.month - 1]} {day.year}"


            def date_range(start, end):
                if start.year == end.year and start.month == end.month:
                    return f"{day_text(start)}\u2013{long_date(end)}"
                if start.year == end.year:
                    return f"{day_text(start)} {MONTHS[start.month - 1]} \u2013 {long_date(end)}"
                return f"{long_date(start)} \u2013 {long_date(end)}"


            def week_text(week):
                year, number_ = int(week[:4]), int(week[6:])
                monday, sunday = date.fromisocalendar(year, number_, 1), date.fromisocalendar(year, number_, 7)
                label = WEEK.format(number=number_, year=year)
                return f"{label} ({date_range(monday, sunday)})"


            def escaped(text):
                out = ""
                for index, char in enumerate(text):
                    # No autolink, as Markdown.escape: "\\://", "www\\.", a word joiner before an e-mail's "@".
                    if char == ":" and text[index + 1:index + 3] == "//":
                        out += "\\"
                    elif char == "." and index >= 3 and text[index - 3:index].lower() == "www" and (
                            index == 3 or not text[index - 4].isalpha()):
                        out += "\\"
                    elif char == "@" and index > 0 and (text[index - 1].isalnum() or text[index - 1] in "._+-"):
                        out += "\u2060"
                    if char in "\\|*_`[]~":
                        out += "\\" + char
                    elif char in "&<>":
                        out += {"&": "&amp;", "<": "&lt;", ">": "&gt;"}[char]
                    elif index == 0 and char in "#-+=":
                        out += "\\" + char
                    else:
                        out += char
                return out


            def table(headers, alignments, rows):
                widths = [max(len(header), 3) for header in headers]
                for row in rows:
                    widths = [max(width, len(cell)) for width, cell in zip(widths, row)]

                def line(cells):
                    padded = [
                        cell.rjust(width) if align == "r" else cell.ljust(width)
                        for cell, width, align in zip(cells, widths, alignments)
                    ]
                    return "| " + " | ".join(padded) + " |"

                rule = {"l": lambda w: ":" + "-" * (w - 1), "r": lambda w: "-" * (w - 1) + ":"}
                rule["c"] = lambda w: ":" + "-" * (w - 2) + ":"
                lines = [line(headers), "| " + " | ".join(rule[a](w) for a, w in zip(alignments, widths)) + " |"]
                return "\n".join(lines + [line(row) for row in rows]) + "\n"


            def show(title, chart, markdown):
                svg = (REPORTS / "charts" / chart).read_text(encoding="utf-8")
                display({"image/svg+xml": svg, "text/plain": title}, raw=True)
                display({"text/markdown": markdown, "text/plain": title}, raw=True)
            """#
    }

    /// The notebook of `report`.
    public static func notebook(_ report: CampaignReport) -> Notebook {
        var cells: [NotebookCell] = []
        for (index, block) in report.blocks.enumerated() {
            switch block {
            case .markdown(let text):
                cells.append(.markdown(text))
                if index == 0 { cells.append(.code(setup(language: report.language))) }
            case .chart(let chart):
                cells.append(
                    .code(
                        chart.python,
                        outputs: [
                            NotebookOutput(plainText: chart.title, svg: chart.svg),
                            NotebookOutput(plainText: chart.title, markdown: chart.table.markdown),
                        ]))
            }
        }
        return Notebook(cells: cells)
    }
}

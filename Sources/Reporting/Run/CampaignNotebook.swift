/// The notebook of one campaign (`Notebooks-export/<id>.ipynb`): the report's text as markdown cells and,
/// for each chart, a code cell that redraws it from the tidy outputs with pandas, with the SVG, the
/// Vega-Lite spec and the table already filled in so it displays without a kernel.
///
/// The code reads the output folder from the `AWARENESS_REPORTS` environment variable, by default
/// `../reports` (the notebook folder's sibling).
public enum CampaignNotebook {
    /// The first code cell: imports and where the tidy files are.
    public static let setup = """
        import json
        import os
        from pathlib import Path

        import matplotlib.pyplot as plt
        import pandas as pd

        REPORTS = Path(os.environ.get("AWARENESS_REPORTS", "../reports"))
        uplift = json.loads((REPORTS / "uplift.json").read_text(encoding="utf-8"))
        """

    /// The notebook of `report`.
    public static func notebook(_ report: CampaignReport) -> Notebook {
        var cells: [NotebookCell] = []
        for (index, block) in report.blocks.enumerated() {
            switch block {
            case .markdown(let text):
                cells.append(.markdown(text))
                if index == 0 { cells.append(.code(setup)) }
            case .chart(let chart):
                cells.append(
                    .code(
                        chart.python,
                        outputs: [
                            NotebookOutput(plainText: chart.title, svg: chart.svg, vegaLite: chart.vegaLite),
                            NotebookOutput(plainText: chart.title, markdown: chart.table.markdown),
                        ]))
            }
        }
        return Notebook(cells: cells)
    }
}

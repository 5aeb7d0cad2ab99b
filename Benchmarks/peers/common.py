"""What every peer shares: the command line, the input files and the layout of the comparison table.

Every peer reads DIR/impressions/*.csv and DIR/clicks/*.csv, or the same files gzip-compressed (*.csv.gz) in
the gzip benchmark (event-level: one event per row, UTC
timestamps written as 2020-01-01T00:00:40Z), buckets each event into its local day in Europe/Paris
(daylight-saving changes included), labels the day with its ISO week (YYYY-Www, ISO year), and writes
OUT as the comparison table

    week,campaign,placement,impressions,clicks,ctr

rows whose campaign, banner, placement or region holds a control character left out (awareness rejects them),
one row per week x campaign x placement seen in either feed, impressions and clicks 0 where a feed has
no event, ctr = clicks / impressions rounded to 6 decimals (empty when impressions is 0), sorted by
week, campaign, placement.
"""

import glob
import os
import sys

TIME_ZONE = "Europe/Paris"
# A row whose campaign, banner, placement or region holds a control character (a quoted line break) is rejected
# by awareness, since such a value cannot be a series name; the peers drop it too, so that the tables compare.
DIMENSIONS = ["campaign", "banner", "placement", "region"]
CONTROL_CHARACTER = r"[\x00-\x1f\x7f]"
TIMESTAMP_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
COLUMNS = ["week", "campaign", "placement", "impressions", "clicks", "ctr"]


def arguments():
    """Returns (data folder, output path) from the command line, or exits with a usage line."""
    if len(sys.argv) != 3:
        sys.exit(f"usage: {os.path.basename(sys.argv[0])} DATA_DIR OUT.csv")
    return sys.argv[1], sys.argv[2]


def feed_files(data_dir, feed):
    """The CSV files of one feed folder, in name order (as awareness reads them): `*.csv`, or `*.csv.gz` for the
    gzip benchmark (Polars and DuckDB decompress them themselves)."""
    files = sorted(glob.glob(os.path.join(data_dir, feed, "*.csv")) + glob.glob(os.path.join(data_dir, feed, "*.csv.gz")))
    if not files:
        sys.exit(f"error: {data_dir}/{feed}: no CSV file")
    return files

"""What every peer shares: the command line, the input files and the layout of the comparison table.

Every peer reads DIR/impressions/*.csv and DIR/clicks/*.csv (event-level: one event per row, UTC
timestamps written as 2020-01-01T00:00:40Z), buckets each event into its local day in Europe/Paris
(daylight-saving changes included), labels the day with its ISO week (YYYY-Www, ISO year), and writes
OUT as the comparison table

    week,campaign,placement,impressions,clicks,ctr

one row per week x campaign x placement seen in either feed, impressions and clicks 0 where a feed has
no event, ctr = clicks / impressions rounded to 6 decimals (empty when impressions is 0), sorted by
week, campaign, placement.
"""

import glob
import os
import sys

TIME_ZONE = "Europe/Paris"
TIMESTAMP_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
COLUMNS = ["week", "campaign", "placement", "impressions", "clicks", "ctr"]


def arguments():
    """Returns (data folder, output path) from the command line, or exits with a usage line."""
    if len(sys.argv) != 3:
        sys.exit(f"usage: {os.path.basename(sys.argv[0])} DATA_DIR OUT.csv")
    return sys.argv[1], sys.argv[2]


def feed_files(data_dir, feed):
    """The CSV files of one feed folder, in name order (as awareness reads them)."""
    files = sorted(glob.glob(os.path.join(data_dir, feed, "*.csv")))
    if not files:
        sys.exit(f"error: {data_dir}/{feed}: no CSV file")
    return files

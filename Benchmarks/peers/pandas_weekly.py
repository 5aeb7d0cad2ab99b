"""The weekly banner table with pandas and its pyarrow CSV engine (see common.py)."""

import numpy as np
import pandas as pd

from common import COLUMNS, CONTROL_CHARACTER, DIMENSIONS, TIME_ZONE, TIMESTAMP_FORMAT, arguments, feed_files


def daily_counts(files, name):
    """Events per local day, campaign and placement of one feed."""
    frames = []
    for path in files:
        frame = pd.read_csv(
            path,
            engine="pyarrow",
            usecols=["timestamp", *DIMENSIONS],
            dtype={"timestamp": "string", **{column: "string" for column in DIMENSIONS}},
        )
        bad = np.zeros(len(frame), dtype=bool)
        for column in DIMENSIONS:
            bad |= frame[column].str.contains(CONTROL_CHARACTER, regex=True).fillna(False).to_numpy(dtype=bool)
        frame = frame[~bad]
        stamps = pd.to_datetime(frame["timestamp"], format=TIMESTAMP_FORMAT, utc=True)
        frame = pd.DataFrame({
            "day": stamps.dt.tz_convert(TIME_ZONE).dt.tz_localize(None).dt.normalize(),
            "campaign": frame["campaign"],
            "placement": frame["placement"],
        })
        frames.append(frame.groupby(["day", "campaign", "placement"], observed=True).size().rename(name))
    counts = pd.concat(frames)
    return counts.groupby(level=[0, 1, 2]).sum()


def main():
    data_dir, out = arguments()
    daily = pd.concat(
        [daily_counts(feed_files(data_dir, "impressions"), "impressions"),
         daily_counts(feed_files(data_dir, "clicks"), "clicks")],
        axis=1,
    ).fillna(0).astype("int64").reset_index()
    iso = daily["day"].dt.isocalendar()
    daily["week"] = iso["year"].astype(str) + "-W" + iso["week"].astype(str).str.zfill(2)
    table = daily.groupby(["week", "campaign", "placement"], as_index=False)[["impressions", "clicks"]].sum()
    ratio = table["clicks"] / table["impressions"].where(table["impressions"] > 0)
    table["ctr"] = np.round(ratio, 6)
    table[COLUMNS].sort_values(["week", "campaign", "placement"]).to_csv(out, index=False)


if __name__ == "__main__":
    main()

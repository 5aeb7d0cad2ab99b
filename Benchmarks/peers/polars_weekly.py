"""The weekly banner table with Polars, lazily and on the streaming engine (see common.py)."""

import polars as pl

from common import COLUMNS, CONTROL_CHARACTER, DIMENSIONS, TIME_ZONE, TIMESTAMP_FORMAT, arguments, feed_files


def daily_counts(files, name):
    """Events per local day, campaign and placement of one feed, as a lazy frame."""
    return (
        pl.scan_csv(files, schema_overrides={"timestamp": pl.String, **{column: pl.String for column in DIMENSIONS}})
        .filter(
            ~pl.any_horizontal(
                [pl.col(column).str.contains(CONTROL_CHARACTER).fill_null(False) for column in DIMENSIONS]
            )
        )
        .select(
            pl.col("timestamp")
            .str.to_datetime(TIMESTAMP_FORMAT, time_unit="ms", time_zone="UTC", strict=True)
            .dt.convert_time_zone(TIME_ZONE)
            .dt.date()
            .alias("day"),
            "campaign",
            "placement",
        )
        .group_by("day", "campaign", "placement")
        .agg(pl.len().alias(name))
    )


def main():
    data_dir, out = arguments()
    keys = ["day", "campaign", "placement"]
    table = (
        daily_counts(feed_files(data_dir, "impressions"), "impressions")
        .join(daily_counts(feed_files(data_dir, "clicks"), "clicks"), on=keys, how="full", coalesce=True)
        .with_columns(
            pl.format(
                "{}-W{}",
                pl.col("day").dt.iso_year(),
                pl.col("day").dt.week().cast(pl.String).str.zfill(2),
            ).alias("week")
        )
        .group_by("week", "campaign", "placement")
        .agg(pl.col("impressions").sum(), pl.col("clicks").sum())
        .with_columns(
            pl.when(pl.col("impressions") > 0)
            .then((pl.col("clicks") / pl.col("impressions")).round(6))
            .otherwise(None)
            .alias("ctr")
        )
        .select(COLUMNS)
        .sort("week", "campaign", "placement")
        .collect(engine="streaming")
    )
    table.write_csv(out)


if __name__ == "__main__":
    main()

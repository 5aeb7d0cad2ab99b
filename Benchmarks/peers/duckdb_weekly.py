"""The weekly banner table with DuckDB (see common.py).

Local days come from `AT TIME ZONE 'Europe/Paris'` on TIMESTAMPTZ values, which needs the ICU extension;
the duckdb wheel has it built in, so this works offline.
"""

import duckdb

from common import CONTROL_CHARACTER, DIMENSIONS, TIME_ZONE, arguments, feed_files


def daily_counts(files, name):
    """SQL for events per local day, campaign and placement of one feed."""
    file_list = "[" + ", ".join("'" + path.replace("'", "''") + "'" for path in files) + "]"
    return f"""
        SELECT CAST(timezone('{TIME_ZONE}', "timestamp") AS DATE) AS day, campaign, placement, count(*) AS {name}
        FROM read_csv({file_list}, header = true, strict_mode = true,
                      columns = {{'timestamp': 'TIMESTAMPTZ', 'campaign': 'VARCHAR', 'banner': 'VARCHAR',
                                  'placement': 'VARCHAR', 'region': 'VARCHAR'}})
        WHERE NOT ({" OR ".join(f"regexp_matches(coalesce({column}, ''), '{CONTROL_CHARACTER}')" for column in DIMENSIONS)})
        GROUP BY ALL
    """


def main():
    data_dir, out = arguments()
    connection = duckdb.connect()
    connection.execute(f"SET TimeZone = '{TIME_ZONE}'")
    query = f"""
        WITH impressions AS ({daily_counts(feed_files(data_dir, "impressions"), "impressions")}),
             clicks AS ({daily_counts(feed_files(data_dir, "clicks"), "clicks")}),
             daily AS (
                SELECT day, campaign, placement,
                       coalesce(impressions.impressions, 0) AS impressions, coalesce(clicks.clicks, 0) AS clicks
                FROM impressions FULL OUTER JOIN clicks USING (day, campaign, placement)
             ),
             weekly AS (
                SELECT printf('%04d-W%02d', isoyear(day), week(day)) AS week, campaign, placement,
                       sum(impressions)::BIGINT AS impressions, sum(clicks)::BIGINT AS clicks
                FROM daily GROUP BY ALL
             )
        SELECT week, campaign, placement, impressions, clicks,
               CASE WHEN impressions > 0 THEN round(clicks / impressions, 6) END AS ctr
        FROM weekly ORDER BY week, campaign, placement
    """
    escaped = out.replace("'", "''")
    connection.execute(f"COPY ({query}) TO '{escaped}' (HEADER, DELIMITER ',')")


if __name__ == "__main__":
    main()

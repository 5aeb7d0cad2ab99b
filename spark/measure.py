"""Measures the Spark rollup in local mode and prints the README's tables: the fixed cost of a job and of one
`awareness rollup` process, the throughput per core of `awareness rollup` against `awareness weekly` on the same
events (each pinned to one core with taskset), and the job's wall time by range size.

    AWARENESS=path/to/awareness .venv-spark/bin/python spark/measure.py [--events 1400000] [--runs 3]
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rollup  # noqa: E402

AWARENESS = os.environ.get("AWARENESS", "awareness")


def timed(command, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=1_400_000)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    scratch = tempfile.mkdtemp(prefix="awareness-measure-")
    try:
        data = os.path.join(scratch, "events")
        subprocess.run([AWARENESS, "sample-data", "--events", str(options.events), "--out", data], check=True)
        files = [os.path.join(data, feed, f"{feed}_events.csv") for feed in ("impressions", "clicks")]
        size = sum(os.path.getsize(path) for path in files)
        one_core = ["taskset", "-c", "0"]
        weekly = timed(one_core + [AWARENESS, "weekly", "--data", data, "--format", "csv"], options.runs)
        rolled = sum(
            timed(one_core + [AWARENESS, "rollup", "--data", data, path], options.runs) for path in files
        )
        tiny = os.path.join(scratch, "tiny")
        subprocess.run([AWARENESS, "sample-data", "--events", "10", "--out", tiny], check=True)
        process = timed([AWARENESS, "rollup", "--data", tiny, os.path.join(tiny, "impressions",
                                                                           "impressions_events.csv")], 10)
        print(f"events: {options.events}, {size / 1e6:.1f} MB in 2 files")
        print("| step | wall s | MB/s per core | relative |")
        print("|---|---:|---:|---:|")
        print(f"| awareness weekly, 1 core | {weekly:.2f} | {size / 1e6 / weekly:.0f} | 1.00 |")
        print(f"| awareness rollup of each whole file, 1 core | {rolled:.2f} | {size / 1e6 / rolled:.0f} | "
              f"{weekly / rolled:.2f} |")
        print(f"| one awareness rollup process on 10 events | {process:.3f} | | |")

        from pyspark import SparkConf, SparkContext

        conf = (SparkConf().setMaster("local[2]").setAppName("awareness measure")
                .set("spark.ui.enabled", "false").set("spark.ui.showConsoleProgress", "false")
                .set("spark.driver.host", "127.0.0.1").set("spark.local.dir", os.path.join(scratch, "spark")))
        start = time.perf_counter()
        context = SparkContext(conf=conf)
        context.setLogLevel("ERROR")
        context.addPyFile(rollup.__file__)
        started = time.perf_counter() - start
        try:
            rows = []
            for label, folder, range_size in (("10 events (fixed cost)", tiny, 32 << 20),
                                              ("range 4 MiB", data, 4 << 20), ("range 16 MiB", data, 16 << 20),
                                              ("range 32 MiB", data, 32 << 20), ("range 128 MiB", data, 128 << 20)):
                times, report = [], None
                for _ in range(options.runs):
                    out = os.path.join(scratch, "out")
                    begin = time.perf_counter()
                    report = rollup.run_job(context, folder, out, range_size=range_size, binary=AWARENESS)
                    times.append(time.perf_counter() - begin)
                    shutil.rmtree(out)
                rows.append((label, report["ranges_read"], statistics.median(times)))
        finally:
            context.stop()
        print()
        print(f"Spark local[2], context start-up {started:.1f} s (once per application)")
        print("| job | tasks | wall s | MB/s |")
        print("|---|---:|---:|---:|")
        for label, tasks, wall in rows:
            rate = "" if label.startswith("10 events") else f"{size / 1e6 / wall:.0f}"
            print(f"| {label} | {tasks} | {wall:.2f} | {rate} |")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()

"""A benchmark of the Spark rollup in local mode (not a test): generates event-level impressions with quoted
newlines (in a column the feed ignores, so that many cuts fall inside a quoted field), then measures

- the direct read, `awareness weekly --format csv`, pinned to one core (taskset -c 0) and on every core;
- the job in local[N] (N = --cores), its wall time and throughput per core, and the peak resident memory of the
  driver: its JVM (VmHWM of the java process, which in local mode also runs the executors' JVM side) and its Python
  process, sampled every 50 ms; the tasks' Python workers and `awareness` processes are not the driver's.

Sizes are given in MB of events (--sizes 500 2000). Prints one markdown table.

    AWARENESS=path/to/awareness .venv-spark/bin/python spark/measure.py [--sizes 500 2000] [--cores 2]
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

AWARENESS = os.environ.get("AWARENESS", "awareness")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CALENDAR = os.path.join(ROOT, "Tests", "AwarenessTests", "Fixtures", "good", "campaigns.yaml")


def block(seed):
    """About 1 MB of rows over 28 days and 468 keys (12 banners, 3 placements, 13 regions); every 40th row has a note of three quoted lines."""
    rows = []
    index = seed
    size = 0
    while size < 1 << 20:
        day, hour, minute = 1 + index % 28, index % 24, index % 60
        note = '"first line\nsecond, ""quoted""\nthird"' if index % 40 == 0 else "plain"
        row = (f"2020-05-{day:02d}T{hour:02d}:{minute:02d}:{index % 59:02d}Z,banner-119,b{index % 12},"
               f"{('search', 'social', 'video')[index % 3]},R{index % 13},{index % 4},{note}\n")
        rows.append(row)
        size += len(row)
        index += 7919
    return "".join(rows)


def generate(folder, megabytes):
    """A data folder with `megabytes` MB of impressions in files of about 256 MB."""
    os.makedirs(os.path.join(folder, "impressions"))
    shutil.copy(CALENDAR, folder)
    blocks = [block(seed).encode() for seed in range(8)]
    header = b"timestamp,campaign,banner,placement,region,impressions,note\n"
    written, number = 0, 0
    while written < megabytes * 1_000_000:
        with open(os.path.join(folder, "impressions", f"events-{number:03d}.csv"), "wb") as stream:
            stream.write(header)
            part = 0
            while part < 256_000_000 and written < megabytes * 1_000_000:
                chunk = blocks[(number + part) % len(blocks)]
                stream.write(chunk)
                part += len(chunk)
                written += len(chunk)
        number += 1
    return written


def timed(command):
    """The wall time of `command` and its standard output."""
    start = time.perf_counter()
    output = subprocess.run(command, check=True, stdout=subprocess.PIPE).stdout
    return time.perf_counter() - start, output


def peak_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


JOB = """
import json, os, sys, time
sys.path.insert(0, {spark!r})
import rollup
from pyspark.sql import SparkSession
spark = (SparkSession.builder.master("local[{cores}]").appName("awareness measure")
         .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
         .config("spark.ui.showConsoleProgress", "false").config("spark.local.dir", {local!r})
         .config("spark.driver.memory", "512m").getOrCreate())
spark.sparkContext.setLogLevel("ERROR")
spark.sparkContext.addPyFile(rollup.__file__)
print("JVM", spark._jvm.java.lang.ProcessHandle.current().pid(), flush=True)
start = time.perf_counter()
report = rollup.run_job(spark, "file://" + {data!r}, "file://" + {out!r}, binary={binary!r})
print("WALL", time.perf_counter() - start, flush=True)
print("REPORT", json.dumps({{key: report[key] for key in ("ranges_read", "stages", "spark_jobs", "rows_read")}}))
spark.stop()
"""


def run_job(data, out, scratch, cores):
    """Runs the job in a process of its own, sampling the driver's JVM and Python peaks."""
    script = JOB.format(spark=os.path.dirname(os.path.abspath(__file__)), cores=cores, data=data, out=out,
                        binary=os.path.abspath(shutil.which(AWARENESS) or AWARENESS),
                        local=os.path.join(scratch, "spark-local"))
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=None if os.environ.get("MEASURE_DEBUG") else subprocess.DEVNULL,
                               text=True)
    jvm, wall, report = None, None, None
    peaks = {"jvm": 0, "python": 0}
    import threading

    def sample():
        while process.poll() is None:
            for key, pid in (("jvm", jvm), ("python", process.pid)):
                if pid:
                    value = peak_kib(pid)
                    if value:
                        peaks[key] = max(peaks[key], value)
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    for line in process.stdout:
        if line.startswith("JVM "):
            jvm = int(line.split()[1])
        elif line.startswith("WALL "):
            wall = float(line.split()[1])
            for key, pid in (("jvm", jvm), ("python", process.pid)):
                peaks[key] = max(peaks[key], peak_kib(pid) or 0)
        elif line.startswith("REPORT "):
            report = json.loads(line[7:])
    process.wait()
    sampler.join()
    if process.returncode != 0 or wall is None:
        raise RuntimeError(f"the job failed with status {process.returncode}")
    return wall, peaks, report


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000], help="MB of events")
    parser.add_argument("--cores", type=int, default=2)
    options = parser.parse_args()
    rows = []
    for megabytes in options.sizes:
        scratch = tempfile.mkdtemp(prefix="awareness-measure-")
        try:
            data = os.path.join(scratch, "events")
            size = generate(data, megabytes)
            weekly = [AWARENESS, "weekly", "--data", data, "--format", "csv"]
            one_core, _ = timed(["taskset", "-c", "0"] + weekly)
            all_cores, direct_a = timed(weekly)
            wall, peaks, report = run_job(data, os.path.join(scratch, "out"), scratch, options.cores)
            _, direct_b = timed([AWARENESS, "weekly", "--data", os.path.join(scratch, "out"), "--format", "csv"])
            rows.append((size, one_core, all_cores, wall, peaks, report, direct_a == direct_b))
            print(f"measured {size / 1e6:.0f} MB: {report}", file=sys.stderr, flush=True)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    print(f"| events | weekly, 1 core | weekly, {options.cores} cores | job, local[{options.cores}] | "
          "job per core / weekly 1 core | driver JVM peak | driver Python peak | tasks | same weekly |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for size, one_core, all_cores, wall, peaks, report, same in rows:
        mb = size / 1e6
        per_core = mb / wall / options.cores
        print(f"| {mb:.0f} MB | {one_core:.1f} s ({mb / one_core:.0f} MB/s) | {all_cores:.1f} s "
              f"({mb / all_cores / options.cores:.0f} MB/s per core) | {wall:.1f} s ({per_core:.0f} MB/s per core) "
              f"| {per_core / (mb / one_core):.2f} | {peaks['jvm'] / 1024:.0f} MiB | {peaks['python'] / 1024:.0f} MiB "
              f"| {report['ranges_read']} | {'yes' if same else 'NO'} |")


if __name__ == "__main__":
    main()

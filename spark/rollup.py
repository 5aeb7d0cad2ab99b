"""The awareness rollup on Spark: event-level files cut into line-aligned byte ranges, one task per range running
the shipped `awareness` binary (`awareness rollup`), and the driver checking that the ranges join, reading again
those that do not, and summing the ranges of each file into one rollup (docs/DESIGN.md §3.5).

Spark only schedules, retries and sums: it never parses CSV, never sums or splits daily files, never writes its own
output format into a feed folder, and its tasks write nothing. The output folder is a data folder that every
`awareness` command reads: campaigns.yaml and the daily files as they were, and `<file>.rollup.json` in place of
each event-level file.

    spark-submit --files awareness spark/rollup.py --data IN --out OUT [--range-size 32m]
"""

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
from urllib.parse import urlparse

DEFAULT_RANGE_SIZE = 32 << 20
# Ranges smaller than this are never planned: each task has a fixed cost (a process, a header read).
MINIMUM_RANGE_SIZE = 64 << 10
BANNER_FEEDS = ("impressions", "clicks")
FEEDS = ("impressions", "clicks", "hashtag_videos", "helpline_calls")
CALENDAR = "campaigns.yaml"
ROLLUP_SUFFIX = ".rollup.json"
JOB_REPORT = "rollup-job.json"
GZIP_MAGIC = b"\x1f\x8b"


# MARK: - File-system layer


class LocalFileSystem:
    """Local paths (and file:// URLs): what Spark's local mode and a shared mount give every executor."""

    is_local = True

    @staticmethod
    def path(url):
        return urlparse(url).path if url.startswith("file:") else url

    def list(self, folder):
        folder = self.path(folder)
        return sorted(os.listdir(folder)) if os.path.isdir(folder) else None

    def is_file(self, url):
        return os.path.isfile(self.path(url))

    def size(self, url):
        return os.path.getsize(self.path(url))

    def read(self, url, offset, count):
        with open(self.path(url), "rb") as stream:
            stream.seek(offset)
            return stream.read(count)

    def open(self, url):
        return open(self.path(url), "rb")


class FsspecFileSystem:
    """HDFS (hdfs://) and object storage (s3://, s3a://, gs://, abfs://) through fsspec, which must then be
    installed on the driver and the executors with its back end (pyarrow for HDFS, s3fs, gcsfs or adlfs)."""

    is_local = False

    def __init__(self, url):
        import fsspec  # only needed for remote storage

        scheme = urlparse(url).scheme
        self.fs = fsspec.filesystem("s3" if scheme == "s3a" else scheme)

    def list(self, folder):
        if not self.fs.isdir(folder):
            return None
        return sorted(os.path.basename(entry.rstrip("/")) for entry in self.fs.ls(folder, detail=False))

    def is_file(self, url):
        return self.fs.isfile(url)

    def size(self, url):
        return self.fs.size(url)

    def read(self, url, offset, count):
        with self.fs.open(url, "rb") as stream:
            stream.seek(offset)
            return stream.read(count)

    def open(self, url):
        return self.fs.open(url, "rb")


def file_system(url):
    scheme = urlparse(url).scheme
    return LocalFileSystem() if scheme in ("", "file") else FsspecFileSystem(url)


def join(folder, *names):
    return "/".join([folder.rstrip("/"), *names])


# MARK: - Planning


def plan_ranges(fs, url, size, range_size):
    """Line-aligned byte ranges of about `range_size` bytes: each cut is moved to just after the first line end at
    or after its target. The last range is never less than half the size of the others."""
    cuts = [0]
    target = range_size
    while target + range_size // 2 < size:
        offset = max(target, cuts[-1] + 1)
        cut = None
        while cut is None and offset < size:
            window = fs.read(url, offset, 1 << 16)
            if not window:
                break
            newline = window.find(b"\n")
            if newline >= 0:
                cut = offset + newline + 1
            offset += len(window)
        if cut is not None and cut < size:
            cuts.append(cut)
        target += range_size
    cuts.append(size)
    return list(zip(cuts, cuts[1:])) or [(0, size)]


def header_line(fs, url):
    """The file's first line, for tasks that stream their range (the binary parses it)."""
    head = fs.read(url, 0, 1 << 16)
    return head.split(b"\n", 1)[0].rstrip(b"\r").decode("utf-8", "replace")


# MARK: - Tasks


def run_range(task):
    """Runs `awareness rollup` on one range; returns the range and its rollup. A non-zero exit (a range that could
    not be read) raises, so that Spark tries the task again."""
    from pyspark import SparkFiles

    marker = task.get("fault_marker")
    if marker and not os.path.exists(marker):
        # An injected fault for the tests: the first attempt of this task dies as a killed executor would.
        with open(marker, "w"):
            pass
        os.kill(os.getpid(), signal.SIGKILL)
    binary = task.get("binary") or SparkFiles.get("awareness")
    calendar = task.get("calendar") or SparkFiles.get(CALENDAR)
    command = [binary, "rollup", "--calendar", calendar, "--name", task["name"], "--start", str(task["start"])]
    if task["end"] < task["size"]:
        command += ["--end", str(task["end"])]
    if not task["stream"]:
        result = subprocess.run(command + [LocalFileSystem.path(task["url"])], capture_output=True)
    else:
        result = stream_range(command + ["-", "--header", task["header"]], task)
    if result.returncode != 0:
        raise RuntimeError(
            f"awareness rollup of {task['name']} at {task['start']} exited with {result.returncode}: "
            + result.stderr.decode("utf-8", "replace").strip()
        )
    return (task["name"], task["start"], task["end"], result.stdout.decode("utf-8"))


def stream_range(command, task):
    """Runs the binary with the range's bytes, and those after it until the binary stops reading, on its standard
    input, read through the file-system layer."""
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def feed():
        try:
            with file_system(task["url"]).open(task["url"]) as stream:
                stream.seek(task["start"])
                while True:
                    block = stream.read(1 << 20)
                    if not block:
                        break
                    process.stdin.write(block)
        except (BrokenPipeError, ValueError):
            pass  # the binary has read its range and the record that crossed its end
        finally:
            try:
                process.stdin.close()
            except BrokenPipeError:
                pass

    errors = []
    threads = [
        threading.Thread(target=feed, daemon=True),
        threading.Thread(target=lambda: errors.append(process.stderr.read()), daemon=True),
    ]
    for thread in threads:
        thread.start()
    stdout = process.stdout.read()
    for thread in threads:
        thread.join()
    process.wait()
    return subprocess.CompletedProcess(command, process.returncode, stdout, b"".join(errors))


# MARK: - Joining and summing


class JobError(Exception):
    pass


def joined_ranges(planned, results):
    """The ranges of one file that join, in order, and the (start, end) of the first range still to read, if any.
    A range joins when it starts where the one before stopped; one that does not is read again from there, and a
    planned range wholly read by the one before is dropped."""
    used = []
    stop = planned[0][0]
    for _, end in planned:
        if stop >= end:
            continue
        rollup = results.get((stop, end))
        if rollup is None:
            return used, (stop, end)
        if rollup["level"] == "whole_file_only":
            raise JobError(f"{rollup['file']}: range {stop}..{end} is of a file read whole, and was not read")
        used.append(rollup)
        stop = rollup["stop"]
        if rollup["refusal"] is not None or rollup["level"] == "daily":
            break
    return used, None


def shifted_reason(reason, key, shift):
    """A reason object (data, never words) with the line it names under `key`, if any, moved by `shift`."""
    return dict(reason, **{key: reason[key] + shift}) if key in reason else reason


def shifted_refusal(refusal, shift):
    if refusal is None or refusal["line"] is None or shift == 0:
        return refusal
    # A reason that names a line (where a quoted field never closed opened) names it by the file's lines too.
    reason = shifted_reason(refusal["reason"], "opened_on_line", shift)
    return dict(refusal, line=refusal["line"] + shift, reason=reason)


def shifted_reject(reject, shift):
    # A duplicate names the line it repeats: by the file's lines too.
    reason = shifted_reason(reject["reason"], "first_line", shift)
    return dict(reject, line=reject["line"] + shift, reason=reason)


def summed_rollup(name, used, size):
    """The rollup of a whole file from its joined ranges: counts summed by full key, rejects and the refusal moved
    to the file's lines, rows added up to the first refused range (whose refusal refuses the whole file). A range
    read from a stream does not know the file's size, so a refused one may say it stopped past the end: the whole
    file's `stop` is at most its size, as the direct read's check of a rollup requires."""
    first = used[0]
    total = {
        "format": first["format"], "feed": first["feed"], "file": name, "file_size": size, "start": 0,
        "end": size, "stop": min(used[-1]["stop"], size), "line_ends": 0, "ranges": len(used), "level": "events",
        "delimiter": first["delimiter"], "rows_read": 0, "rows_accepted": 0, "rows_rejected": 0,
        "refusal": None, "unknown_columns": first["unknown_columns"], "counts": [], "rejects": [],
    }
    counts = {}
    shift = 0
    for rollup in used:
        total["rows_read"] += rollup["rows_read"]
        if rollup["refusal"] is not None:
            total["refusal"] = shifted_refusal(rollup["refusal"], shift)
            break
        total["rows_accepted"] += rollup["rows_accepted"]
        total["rows_rejected"] += rollup["rows_rejected"]
        for reject in rollup["rejects"]:
            total["rejects"].append(shifted_reject(reject, shift))
        for *key, count in rollup["counts"]:
            counts[tuple(key)] = counts.get(tuple(key), 0) + count
        shift += rollup["line_ends"]
    total["line_ends"] = shift
    if total["refusal"] is not None:
        total["rows_accepted"], total["rows_rejected"] = 0, total["rows_read"]
        total["rejects"], counts = [], {}
    total["counts"] = [
        [*key, counts[key]] for key in sorted(counts, key=lambda key: [part.encode("utf-8") for part in key])
    ]
    return total


def rollup_text(rollup):
    """A rollup in the layout `awareness rollup` writes: a key per line, then a line per count and per reject."""
    dump = lambda value: json.dumps(value, ensure_ascii=False)
    lines = ["{"]
    for key in (
        "format", "feed", "file", "file_size", "start", "end", "stop", "line_ends", "ranges", "level", "delimiter",
        "rows_read", "rows_accepted", "rows_rejected", "refusal", "unknown_columns",
    ):
        lines.append(f"{dump(key)}: {dump(rollup[key])},")
    for key, last in (("counts", False), ("rejects", True)):
        lines.append(f"{dump(key)}: [")
        items = rollup[key]
        lines += [dump(item) + ("," if index < len(items) - 1 else "") for index, item in enumerate(items)]
        lines.append("]" if last else "],")
    lines.append("}")
    return "\n".join(lines) + "\n"


# MARK: - The job


def run_job(spark_context, data, out, range_size=DEFAULT_RANGE_SIZE, binary=None, stream=None, fault=None):
    """Rolls up every event-level file of the data folder `data` into the data folder `out`, replaced as a whole
    at the end. `binary` is the awareness executable when not shipped with `--files`; `stream` makes tasks read
    their range through the file-system layer onto the binary's standard input (the default for remote storage);
    `fault` = (marker path, task number) kills that task's first attempt, for the tests. Returns the job report."""
    fs = file_system(data)
    range_size = max(range_size, MINIMUM_RANGE_SIZE)
    calendar_url = join(data, CALENDAR)
    if not fs.is_file(calendar_url):
        raise JobError(f"{calendar_url}: no campaign calendar")
    # A local calendar is read where it is (every executor of local mode or of a shared mount sees it); one on
    # remote storage is shipped to the executors by Spark.
    calendar = LocalFileSystem.path(calendar_url) if fs.is_local else None
    if calendar is None:
        spark_context.addFile(calendar_url)
    streams = (not fs.is_local) if stream is None else stream
    copies, plans, tasks, gzip_copies = [], {}, [], []
    for feed in FEEDS:
        names = fs.list(join(data, feed))
        if names is None:
            continue
        copies.append((feed, None))
        for name in names:
            url = join(data, feed, name)
            lowered = name.lower()
            is_event_candidate = feed in BANNER_FEEDS and (lowered.endswith(".csv") or lowered.endswith(".csv.gz"))
            if not is_event_candidate or not fs.is_file(url) or fs.size(url) == 0:
                copies.append((feed, name))
                continue
            size = fs.size(url)
            relative = f"{feed}/{name}"
            if streams and fs.read(url, 0, 2) == GZIP_MAGIC:
                # A gzip file cannot be cut, and a stream reaches the binary uncompressed only from a path: it is
                # copied whole, and awareness reads it where it lies in the output, as it would have read it here.
                copies.append((feed, name))
                gzip_copies.append(relative)
                continue
            plans[relative] = {"url": url, "size": size, "ranges": plan_ranges(fs, url, size, range_size)}
            common = {
                "url": url, "name": relative, "size": size, "stream": streams, "binary": binary, "calendar": calendar,
            }
            if streams:
                common["header"] = header_line(fs, url)
            for start, end in plans[relative]["ranges"]:
                tasks.append(dict(common, start=start, end=end))
    if fault is not None and fault[1] < len(tasks):
        tasks[fault[1]]["fault_marker"] = fault[0]

    results = {name: {} for name in plans}
    rounds = 0
    reruns = 0
    while tasks:
        rounds += 1
        for name, start, end, text in spark_context.parallelize(tasks, len(tasks)).map(run_range).collect():
            results[name][(start, end)] = json.loads(text)
        tasks = []
        for name, plan in plans.items():
            _, missing = joined_ranges(plan["ranges"], results[name])
            if missing is not None:
                task = {
                    "url": plan["url"], "name": name, "size": plan["size"], "stream": streams, "binary": binary,
                    "calendar": calendar, "start": missing[0], "end": missing[1],
                }
                if streams:
                    task["header"] = header_line(fs, plan["url"])
                tasks.append(task)
        reruns += len(tasks)

    rollups = {}
    report = {"files": [], "ranges_read": 0, "ranges_read_again": reruns, "rounds": rounds}
    for name, plan in plans.items():
        used, _ = joined_ranges(plan["ranges"], results[name])
        report["ranges_read"] += len(results[name])
        if used[0]["level"] == "daily":
            copies.append(tuple(name.split("/", 1)))
            report["files"].append({"file": name, "level": "daily", "copied": True})
            continue
        rollup = summed_rollup(name, used, plan["size"])
        rollups[name] = rollup
        report["files"].append({
            "file": name, "level": "events", "ranges": rollup["ranges"], "rows_read": rollup["rows_read"],
            "rows_accepted": rollup["rows_accepted"], "rows_rejected": rollup["rows_rejected"],
            "refused": rollup["refusal"] is not None,
        })
    report["files"] += [{"file": name, "level": "gzip", "copied": True} for name in gzip_copies]
    report["files"].sort(key=lambda entry: entry["file"])
    for key in ("rows_read", "rows_accepted", "rows_rejected"):
        report[key] = sum(entry.get(key, 0) for entry in report["files"])
    write_folder(fs, data, out, copies, rollups, report)
    return report


def write_folder(fs, data, out, copies, rollups, report):
    """Writes the output folder into a hidden sibling, flushed, then renamed over `out` (local file system)."""
    out = os.path.abspath(out)
    parent, base = os.path.split(out)
    temporary = os.path.join(parent, f".{base}.tmp-{os.getpid()}")
    previous = os.path.join(parent, f".{base}.old-{os.getpid()}")
    shutil.rmtree(temporary, ignore_errors=True)
    try:
        os.makedirs(temporary)
        files = {CALENDAR: fs.read(join(data, CALENDAR), 0, fs.size(join(data, CALENDAR)))}
        for feed, name in copies:
            os.makedirs(os.path.join(temporary, feed), exist_ok=True)
            if name is None:
                continue
            url = join(data, feed, name)
            if not fs.is_file(url):
                continue  # a folder or special entry in a feed folder is reported by awareness where it is
            files[f"{feed}/{name}"] = fs.read(url, 0, fs.size(url))
        for name, rollup in rollups.items():
            files[name + ROLLUP_SUFFIX] = rollup_text(rollup).encode("utf-8")
        files[JOB_REPORT] = (json.dumps(report, indent=1, sort_keys=True) + "\n").encode("utf-8")
        for relative, content in sorted(files.items()):
            path = os.path.join(temporary, relative)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as stream:
                stream.write(content)
                stream.flush()
                os.fsync(stream.fileno())
        if os.path.exists(out):
            os.rename(out, previous)
        os.rename(temporary, out)
        shutil.rmtree(previous, ignore_errors=True)
        directory = os.open(parent, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)
    finally:
        shutil.rmtree(temporary, ignore_errors=True)


def size_argument(text):
    units = {"k": 1 << 10, "m": 1 << 20, "g": 1 << 30}
    text = text.strip().lower().rstrip("ib").rstrip("i")
    if text and text[-1] in units:
        return int(float(text[:-1]) * units[text[-1]])
    return int(text)


def main(arguments=None):
    parser = argparse.ArgumentParser(description="Roll up a data folder's event-level files with awareness on Spark.")
    parser.add_argument("--data", required=True, help="the data folder (local path, hdfs://, s3a://, gs://)")
    parser.add_argument("--out", required=True, help="the output data folder (local to the driver)")
    parser.add_argument("--range-size", type=size_argument, default=DEFAULT_RANGE_SIZE, help="bytes per task")
    parser.add_argument("--binary", help="the awareness executable, when not shipped with --files awareness")
    parser.add_argument("--stream", action="store_true", help="stream ranges to the binary's standard input")
    options = parser.parse_args(arguments)
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("awareness rollup").getOrCreate()
    try:
        report = run_job(
            spark.sparkContext, options.data, options.out, options.range_size, options.binary,
            True if options.stream else None,
        )
    except JobError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    finally:
        spark.stop()
    print(
        f"awareness rollup: {len(report['files'])} files, {report['ranges_read']} ranges "
        f"({report['ranges_read_again']} read again), {report['rows_read']} rows read, "
        f"{report['rows_accepted']} accepted, {report['rows_rejected']} rejected"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

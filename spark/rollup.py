"""The awareness rollup on Spark: event-level files cut into byte ranges, one task per range running the shipped
`awareness` binary (`awareness rollup`) where the file lies, the counts summed by the cluster and written as tables
and as a data folder that every `awareness` command reads (docs/DESIGN.md §3.5).

Spark schedules, retries, sums and writes; it never parses CSV: the binary does, with the rules of a direct read.
The driver holds the plan and one small summary per range (offsets, rows, the refusal), never counts.

    spark-submit --files awareness spark/rollup.py --data IN --out OUT [--range-size 32m]

IN and OUT are any Hadoop file system URI (a local path, file://, hdfs://, s3a://, gs://, abfs://). OUT receives,
through a staging folder beside it renamed into place once every writer has committed:

    campaigns.yaml, the feeds' other files        copied as they are (daily files, other feeds, refused names)
    <feed>/<file>.rollup.json                      each event-level file's accounting, rejects and refusal
    <feed>/rollup-<feed>-NNNNN.csv                 the event-level files' counts summed per day and key
    tables/daily_counts/date=YYYY-MM-DD/*.parquet  the same counts, as a table partitioned by date
    tables/rejects/*.parquet                       the rejected rows, at their file's line and column
    tables/files/*.parquet                         the accounting of every event-level file
    rollup-job.json                                what the job did (files, ranges, stages)
"""

import argparse
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
from urllib.parse import urlparse

DEFAULT_RANGE_SIZE = 32 << 20
# Ranges smaller than this are never planned: each task has a fixed cost (a process, a header read).
MINIMUM_RANGE_SIZE = 64 << 10
BANNER_FEEDS = ("impressions", "clicks")
FEEDS = ("impressions", "clicks", "hashtag_videos", "helpline_calls", "banners")
CALENDAR = "campaigns.yaml"
ROLLUP_SUFFIX = ".rollup.json"
JOB_REPORT = "rollup-job.json"
TABLES = "tables"
GZIP_MAGIC = b"\x1f\x8b"
INT64_MAX = (1 << 63) - 1
# The direct read lists at most this many rejected rows per file (IngestLimits.rejectsListedPerFile).
REJECTS_LISTED_PER_FILE = 10_000
# Names another program leaves beside exports, skipped by the direct read (DESIGN §3.1): never read, copied as they
# are so that `awareness` lists them in the output as it does in the input.
SKIPPED_FILE_NAMES = ("thumbs.db", "desktop.ini")


def is_skipped_name(name):
    return name.startswith(".") or name.startswith("~$") or name.lower() in SKIPPED_FILE_NAMES


# MARK: - The tasks' file-system layer


class LocalFileSystem:
    """Local paths (and file: URLs): what Spark's local mode and a shared mount give every executor."""

    is_local = True

    @staticmethod
    def path(url):
        return urlparse(url).path if url.startswith("file:") else url

    def open(self, url):
        return open(self.path(url), "rb")


class FsspecFileSystem:
    """HDFS (hdfs://) and object storage (s3://, s3a://, gs://, abfs://) through fsspec, which must then be
    installed on the executors with its back end (pyarrow for HDFS, s3fs, gcsfs or adlfs)."""

    is_local = False

    def __init__(self, url):
        import fsspec  # only needed for remote storage

        scheme = urlparse(url).scheme
        self.fs = fsspec.filesystem("s3" if scheme == "s3a" else scheme)

    def open(self, url):
        return self.fs.open(url, "rb")


def file_system(url):
    scheme = urlparse(url).scheme
    return LocalFileSystem() if scheme in ("", "file") else FsspecFileSystem(url)


class RangeReader:
    """Positioned reads of one file through the tasks' file-system layer."""

    def __init__(self, url):
        self.stream = file_system(url).open(url)

    def read(self, offset, count):
        self.stream.seek(offset)
        return self.stream.read(count)

    def close(self):
        self.stream.close()


# MARK: - Pass 1: quote characters per range


def quote_count(task):
    """The number of `"` bytes in bytes `a..<b` of the file: their prefix sums tell each cut whether it lies inside
    a quoted field (RFC 4180: a doubled quote inside a quoted field counts twice, so the parity holds)."""
    reader = RangeReader(task["url"])
    try:
        count, offset = 0, task["a"]
        while offset < task["b"]:
            block = reader.read(offset, min(1 << 20, task["b"] - offset))
            if not block:
                break
            count += block.count(b'"')
            offset += len(block)
        return (task["file"], task["range"], count)
    finally:
        reader.close()


def record_start(reader, offset, inside_quotes, size):
    """The first offset after a line end at or after `offset` that lies outside quotes, `inside_quotes` saying
    whether `offset` itself does (an odd number of quotes before it); the file's size when there is none."""
    position = offset
    while position < size:
        block = reader.read(position, 1 << 16)
        if not block:
            break
        index = 0
        while True:
            if inside_quotes:
                quote = block.find(b'"', index)
                if quote < 0:
                    break
                inside_quotes, index = False, quote + 1
                continue
            newline = block.find(b"\n", index)
            quote = block.find(b'"', index, newline if newline >= 0 else len(block))
            if quote < 0:
                if newline >= 0:
                    return position + newline + 1
                break
            inside_quotes, index = True, quote + 1
        position += len(block)
    return size


# MARK: - Pass 2: the binary on each range


def header_line(reader):
    """The file's first line, for tasks that stream their range (the binary parses it)."""
    head, offset = b"", 0
    while b"\n" not in head:
        block = reader.read(offset, 1 << 16)
        if not block:
            break
        head += block
        offset += len(block)
    return head.split(b"\n", 1)[0].rstrip(b"\r").decode("utf-8", "replace")


def run_range(task):
    """Finds the range's record boundaries, runs `awareness rollup` on it and yields its rows: one summary
    ("s", file, source, range, JSON without counts or rejects), its counts ("c", ...) and its rejects ("r", ...).
    A non-zero exit (a range that could not be read) raises, so that Spark tries the task again."""
    from pyspark import SparkFiles

    marker = task.get("fault_marker")
    if marker and not os.path.exists(marker):
        # An injected fault for the tests: the first attempt of this task dies as a killed executor would.
        with open(marker, "w"):
            pass
        os.kill(os.getpid(), signal.SIGKILL)
    size = task["size"]
    reader = RangeReader(task["url"])
    local_copy = None
    try:
        start = 0 if task["first"] else record_start(reader, task["a"], task["odd_a"], size)
        end = size if task["last"] else record_start(reader, task["b"], task["odd_b"], size)
        base = {"file": task["name"], "range": task["range"], "source": task["source"], "a": task["a"]}
        if start >= end:
            # Every byte of the planned range lies inside a record that began in a range before it.
            yield ("s", task["index"], task["source"], task["range"], json.dumps(dict(base, empty=True,
                                                                                    start=start, stop=start)))
            return
        binary = task.get("binary") or SparkFiles.get("awareness")
        calendar = task.get("calendar") or SparkFiles.get(CALENDAR)
        command = [binary, "rollup", "--calendar", calendar, "--name", task["name"], "--start", str(start)]
        if end < size:
            command += ["--end", str(end)]
        if task["stream"] and not task["whole"]:
            command += ["-", "--header", header_line(reader)]
            result = stream_range(command, reader, start, end)
        else:
            path = LocalFileSystem.path(task["url"])
            if not task["local"]:
                # A file read whole (gzip) on remote storage: streamed to the executor's scratch disk, never held
                # in memory, and read there by path as the binary reads any gzip file.
                handle, local_copy = tempfile.mkstemp(suffix=".csv.gz")
                with os.fdopen(handle, "wb") as copy:
                    offset = 0
                    while True:
                        block = reader.read(offset, 1 << 20)
                        if not block:
                            break
                        copy.write(block)
                        offset += len(block)
                path = local_copy
            result = subprocess.run(command + [path], capture_output=True)
        if result.returncode != 0:
            raise RuntimeError(
                f"awareness rollup of {task['name']} at {start} exited with {result.returncode}: "
                + result.stderr.decode("utf-8", "replace").strip()
            )
    finally:
        reader.close()
        if local_copy:
            os.unlink(local_copy)
    rollup = json.loads(result.stdout.decode("utf-8"))
    counts, rejects = rollup.pop("counts"), rollup.pop("rejects")
    rollup.update(base, empty=False, counts_listed=len(counts), rejects_listed=len(rejects))
    yield ("s", task["index"], task["source"], task["range"], json.dumps(rollup))
    for date, campaign, banner, placement, region, count in counts:
        yield ("c", task["index"], task["source"], task["range"], date, campaign, banner, placement, region, count)
    for reject in rejects:
        yield ("r", task["index"], task["source"], task["range"], json.dumps(reject, ensure_ascii=False))


def stream_range(command, reader, start, end):
    """Runs the binary with bytes `start..<end` on its standard input, read through the file-system layer."""
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def feed():
        try:
            offset = start
            while offset < end:
                block = reader.read(offset, min(1 << 20, end - offset))
                if not block:
                    break
                process.stdin.write(block)
                offset += len(block)
        except (BrokenPipeError, ValueError):
            pass  # the binary stopped reading (a refusal)
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


# MARK: - The driver's file-system layer (Hadoop's, as Spark's writers use)


class Hadoop:
    """Listing, small reads, copies and renames through Hadoop's FileSystem, for any URI Spark can write to."""

    def __init__(self, spark):
        self.jvm = spark._jvm
        self.conf = spark._jsc.hadoopConfiguration()

    def path(self, url):
        return self.jvm.org.apache.hadoop.fs.Path(url)

    def fs(self, url):
        fs = self.path(url).getFileSystem(self.conf)
        # The local file system's checksums would leave hidden `.crc` files in the feed folders, which `awareness`
        # lists as skipped: the raw file system writes none.
        if fs.getUri().getScheme() == "file":
            fs = self.jvm.org.apache.hadoop.fs.FileSystem.getLocal(self.conf).getRawFileSystem()
        return fs

    def qualified(self, url):
        return str(self.fs(url).makeQualified(self.path(url)).toString())

    def exists(self, url):
        return self.fs(url).exists(self.path(url))

    def is_file(self, url):
        return self.fs(url).isFile(self.path(url))

    def list(self, url):
        """The entries of a folder as (name, is folder, size), in name order."""
        statuses = self.fs(url).listStatus(self.path(url))
        entries = [(str(s.getPath().getName()), bool(s.isDirectory()), int(s.getLen())) for s in statuses]
        return sorted(entries, key=lambda entry: entry[0].encode("utf-8"))

    def head(self, url, count):
        stream = self.fs(url).open(self.path(url))
        try:
            data = bytearray()
            while len(data) < count:
                byte = stream.read()
                if byte < 0:
                    break
                data.append(byte)
            return bytes(data)
        finally:
            stream.close()

    def read_text(self, url):
        stream = self.fs(url).open(self.path(url))
        try:
            reader = self.jvm.java.io.BufferedReader(self.jvm.java.io.InputStreamReader(stream, "UTF-8"))
            lines = []
            while True:
                line = reader.readLine()
                if line is None:
                    return "\n".join(lines)
                lines.append(line)
        finally:
            stream.close()

    def copy(self, source, target):
        self.jvm.org.apache.hadoop.fs.FileUtil.copy(
            self.fs(source), self.path(source), self.fs(target), self.path(target), False, self.conf
        )

    def write(self, url, data):
        stream = self.fs(url).create(self.path(url), True)
        try:
            for offset in range(0, len(data), 1 << 20):
                stream.write(bytearray(data[offset:offset + (1 << 20)]))
        finally:
            stream.close()

    def mkdirs(self, url):
        self.fs(url).mkdirs(self.path(url))

    def rename(self, source, target):
        if not self.fs(source).rename(self.path(source), self.path(target)):
            raise JobError(f"could not rename {source} to {target}")

    def delete(self, url):
        if self.exists(url):
            self.fs(url).delete(self.path(url), True)


def join(folder, *names):
    return "/".join([folder.rstrip("/"), *names])


# MARK: - Planning


class JobError(Exception):
    pass


def feed_files(hadoop, data, feed):
    """Every file under a feed folder, sub-folders included (a partitioned export's `dt=2021-01-05/`), as
    (relative path, size), in name order at each level; hidden entries and what other programs leave are not
    descended into. None when the feed folder is absent."""
    folder = join(data, feed)
    if not hadoop.exists(folder) or hadoop.is_file(folder):
        return None
    found = []

    def walk(url, relative):
        for name, is_folder, size in hadoop.list(url):
            if is_folder and not is_skipped_name(name):
                walk(join(url, name), f"{relative}/{name}")
            elif not is_folder:
                found.append((f"{relative}/{name}", size))

    walk(folder, feed)
    return found


def planned_cuts(size, range_size):
    """Raw cuts about `range_size` apart, the last range never less than half the size of the others."""
    cuts = [0]
    while cuts[-1] + range_size + range_size // 2 < size:
        cuts.append(cuts[-1] + range_size)
    cuts.append(size)
    return list(zip(cuts, cuts[1:]))


# MARK: - Summing a file's ranges (small summaries only)


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


def checked_sum(values, what):
    """A sum that must fit in Int64, as every count and offset `awareness` reads does."""
    total = 0
    for value in values:
        total += value
        if total > INT64_MAX:
            raise JobError(f"{what}: the sum passes 9223372036854775807")
    return total


def file_summary(plan, summaries):
    """The whole file's accounting from its ranges' summaries, or None when the ranges do not join (the file is
    then read whole). Returns (summary, shifts by range) where the summary has the keys of a rollup."""
    ordered = [summaries[index] for index in sorted(summaries)]
    first = ordered[0]
    if first.get("level") == "daily":
        return dict(first, level="daily"), {}
    used, shifts, stop, shift = [], {}, 0, 0
    for summary in ordered:
        if summary["empty"]:
            continue
        if summary["level"] == "whole_file_only":
            continue  # the range at offset 0 read the whole file
        if summary["start"] != stop:
            return None, {}
        shifts[summary["range"]] = shift
        used.append(summary)
        stop = summary["stop"]
        if summary["refusal"] is not None:
            break
        shift += summary["line_ends"]
    if not used:
        return None, {}
    refused = next((summary for summary in used if summary["refusal"] is not None), None)
    if refused is None and stop != plan["size"]:
        return None, {}
    name = plan["name"]
    total = {
        "format": first["format"], "feed": first["feed"], "file": name, "file_size": plan["size"], "start": 0,
        "end": plan["size"], "stop": min(stop, plan["size"]), "line_ends": shift, "ranges": len(used),
        "level": "events", "delimiter": first["delimiter"], "unknown_columns": first["unknown_columns"],
        "rows_read": checked_sum((summary["rows_read"] for summary in used), f"{name}: rows read"),
        "refusal": None,
    }
    noted = [summary.get("ignored_invalid_text") for summary in used]
    ignored = None
    for summary, note in zip(used, noted):
        if note is None:
            continue
        if ignored is None:
            ignored = {"rows": 0, "first_line": note["first_line"] + shifts[summary["range"]], "columns": []}
        ignored["rows"] = checked_sum((ignored["rows"], note["rows"]), f"{name}: rows with bytes that are not text")
        ignored["columns"] += [column for column in note["columns"] if column not in ignored["columns"]]
    if refused is not None:
        total["refusal"] = shifted_refusal(refused["refusal"], shifts[refused["range"]])
        total["rows_accepted"], total["rows_rejected"] = 0, total["rows_read"]
    else:
        total["rows_accepted"] = checked_sum((s["rows_accepted"] for s in used), f"{name}: rows accepted")
        total["rows_rejected"] = checked_sum((s["rows_rejected"] for s in used), f"{name}: rows rejected")
        if ignored is not None:
            total["ignored_invalid_text"] = ignored
    return total, shifts


def rollup_text(rollup, rejects):
    """A file's rollup in the layout `awareness rollup` writes, with its rejects and no counts (they are in the
    feed's summed daily counts)."""
    dump = lambda value: json.dumps(value, ensure_ascii=False)
    lines = ["{"]
    keys = [
        "format", "feed", "file", "file_size", "start", "end", "stop", "line_ends", "ranges", "level", "delimiter",
        "rows_read", "rows_accepted", "rows_rejected", "refusal", "unknown_columns",
    ]
    if "ignored_invalid_text" in rollup:
        keys.append("ignored_invalid_text")
    for key in keys:
        lines.append(f"{dump(key)}: {dump(rollup[key])},")
    lines.append('"counts": [')
    lines.append("],")
    lines.append('"rejects": [')
    lines += [dump(item) + ("," if index < len(rejects) - 1 else "") for index, item in enumerate(rejects)]
    lines.append("]")
    lines.append("}")
    return "\n".join(lines) + "\n"


def trace(label, started=[None]):
    """With AWARENESS_ROLLUP_TRACE set, the seconds since the last step, on standard error."""
    import time

    if os.environ.get("AWARENESS_ROLLUP_TRACE"):
        now = time.perf_counter()
        if started[0] is not None:
            print(f"rollup: {label} {now - started[0]:.2f} s", file=sys.stderr, flush=True)
        started[0] = now


def time_zone(calendar_text):
    """The calendar's `timezone:` (the binary checks the calendar; this only places a day's rows at its noon)."""
    match = re.search(r"^timezone:\s*[\"']?([^\"'#\s]+)", calendar_text, re.MULTILINE)
    return match.group(1) if match else "UTC"


# MARK: - The job


def run_job(spark, data, out, range_size=DEFAULT_RANGE_SIZE, binary=None, stream=None, fault=None,
            minimum_range_size=MINIMUM_RANGE_SIZE):
    """Rolls up every event-level file of the data folder `data` into the data folder and tables `out`, which
    replaces the previous `out` only once every writer has committed. `binary` is the awareness executable when not
    shipped with `--files`; `stream` makes tasks read their range through the file-system layer onto the binary's
    standard input (the default for remote storage); `fault` = (marker path, task number) kills that task's first
    attempt, for the tests. Returns the job report (small: one entry per file)."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F
    from pyspark.sql import types as T

    context = spark.sparkContext
    hadoop = Hadoop(spark)
    data = hadoop.qualified(data)
    out = hadoop.qualified(out)
    range_size = max(range_size, minimum_range_size)
    calendar_url = join(data, CALENDAR)
    if not hadoop.is_file(calendar_url):
        raise JobError(f"{calendar_url}: no campaign calendar")
    local = urlparse(data).scheme == "file"
    # A local calendar is read where it is (every executor of local mode or of a shared mount sees it); one on
    # remote storage is shipped to the executors by Spark.
    calendar = LocalFileSystem.path(calendar_url) if local else None
    if calendar is None:
        context.addFile(calendar_url)
    streams = (not local) if stream is None else stream
    trace("start")
    # The sums and writes shuffle days × keys rows, which are few beside the events: as many partitions as cores,
    # not Spark's default 200, each of which would cost a task and a file. Given back at the end.
    shuffle_partitions = spark.conf.get("spark.sql.shuffle.partitions")
    spark.conf.set("spark.sql.shuffle.partitions", str(max(1, context.defaultParallelism)))
    group = f"awareness-rollup-{os.getpid()}-{id(out)}"
    context.setJobGroup(group, "awareness rollup")

    # The plan: every file of every feed; candidates for a rollup are the banner feeds' non-empty .csv and .csv.gz.
    copies, plans, banners_present = [], [], False
    for feed in FEEDS:
        files = feed_files(hadoop, data, feed)
        if files is None:
            continue
        copies.append((feed, True))
        if feed == "banners" and files:
            banners_present = True
        for relative, size in files:
            name = relative.rsplit("/", 1)[-1]
            lowered = name.lower()
            is_candidate = (
                feed in BANNER_FEEDS and not is_skipped_name(name) and size > 0
                and (lowered.endswith(".csv") or lowered.endswith(".csv.gz"))
            )
            if not is_candidate:
                copies.append((relative, False))
                continue
            url = join(data, relative)
            plans.append({
                "index": len(plans), "name": relative, "url": url, "size": size, "feed": feed,
                "gzip": hadoop.head(url, 2) == GZIP_MAGIC,
            })

    # Pass 1: the quotes of each planned range, counted in parallel; their prefix sums say which cuts lie inside a
    # quoted field. One Spark stage whatever the quoting: no range is ever read again for it.
    count_tasks = []
    for plan in plans:
        plan["cuts"] = [(0, plan["size"])] if plan["gzip"] else planned_cuts(plan["size"], range_size)
        if len(plan["cuts"]) > 1:
            count_tasks += [
                {"file": plan["index"], "range": index, "url": plan["url"], "a": a, "b": b}
                for index, (a, b) in enumerate(plan["cuts"])
            ]
    quotes = {}
    if count_tasks:
        for file_index, range_index, count in (
            context.parallelize(count_tasks, len(count_tasks)).map(quote_count).collect()
        ):
            quotes[(file_index, range_index)] = count

    trace("plan and quote count")

    def range_task(plan, index, a, b, odd_a, odd_b, source, whole):
        return {
            "index": plan["index"], "name": plan["name"], "url": plan["url"], "size": plan["size"],
            "range": index, "a": a, "b": b, "odd_a": odd_a, "odd_b": odd_b, "first": a == 0,
            "last": b == plan["size"], "stream": streams, "local": local, "whole": whole, "source": source,
            "binary": binary, "calendar": calendar,
        }

    tasks = []
    for plan in plans:
        before = 0
        for index, (a, b) in enumerate(plan["cuts"]):
            after = before + quotes.get((plan["index"], index), 0)
            tasks.append(range_task(plan, index, a, b, before % 2 == 1, after % 2 == 1, "ranges", plan["gzip"]))
            before = after
    if fault is not None and fault[1] < len(tasks):
        tasks[fault[1]]["fault_marker"] = fault[0]

    def rolled_up(task_list):
        rows = context.parallelize(task_list, max(1, len(task_list))).flatMap(run_range)
        # The tasks' rows are kept on the executors' disks: the summaries are collected from them and the counts
        # and rejects read again from there, without running the binary again.
        rows.persist(StorageLevel.DISK_ONLY)
        summaries = rows.filter(lambda row: row[0] == "s").map(lambda row: (row[1], row[3], row[4])).collect()
        return rows, summaries

    # Pass 2: the binary on each range, from its first record start to the next range's.
    stages = {"quote_count": 1 if count_tasks else 0, "ranges": 1 if tasks else 0, "whole_files": 0}
    rows, summaries = rolled_up(tasks) if tasks else (context.emptyRDD(), [])
    trace("ranges")
    by_file = {}
    for file_index, range_index, text in summaries:
        by_file.setdefault(file_index, {})[range_index] = json.loads(text)
    files = {}
    whole = []
    for plan in plans:
        summary, shifts = file_summary(plan, by_file[plan["index"]])
        if summary is None:
            whole.append(plan)  # the ranges do not join (a stray quote the parity did not see): read it whole
            continue
        files[plan["index"]] = (summary, shifts, "ranges")

    def read_whole(plans_to_read):
        stages["whole_files"] += 1
        task_list = [range_task(plan, 0, 0, plan["size"], False, False, "whole", True) for plan in plans_to_read]
        whole_rows, whole_summaries = rolled_up(task_list)
        for file_index, _, text in whole_summaries:
            plan = plans[file_index]
            summary, shifts = file_summary(plan, {0: json.loads(text)})
            if summary is None:
                raise JobError(f"{plan['name']}: the read of the whole file did not reach its end")
            files[file_index] = (summary, shifts, "whole")
        return whole_rows

    all_rows = [rows]
    if whole:
        all_rows.append(read_whole(whole))

    def schema_counts():
        return T.StructType([
            T.StructField("file_index", T.IntegerType()), T.StructField("source", T.StringType()),
            T.StructField("range", T.IntegerType()), T.StructField("date", T.StringType()),
            T.StructField("campaign", T.StringType()), T.StructField("banner", T.StringType()),
            T.StructField("placement", T.StringType()), T.StructField("region", T.StringType()),
            T.StructField("count", T.LongType()),
        ])

    feed_of = {plan["index"]: plan["feed"] for plan in plans}
    name_of = {plan["index"]: plan["name"] for plan in plans}

    def used_rows():
        """The count rows of the files whose counts stand (not refused, not daily), from the source used."""
        use = {
            index: source for index, (summary, _, source) in files.items()
            if summary["level"] == "events" and summary["refusal"] is None
        }
        chosen = context.broadcast(use)
        union = context.union(all_rows) if len(all_rows) > 1 else all_rows[0]
        counts = union.filter(lambda row: row[0] == "c" and chosen.value.get(row[1]) == row[2]).map(
            lambda row: (row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8], row[9])
        )
        return spark.createDataFrame(counts, schema_counts())

    feeds_df = spark.createDataFrame([(index, feed) for index, feed in feed_of.items()] or [(-1, "")],
                                     "file_index int, feed string")
    keys = ["feed", "date", "campaign", "banner", "placement", "region"]

    def summed():
        counts = used_rows().join(F.broadcast(feeds_df), "file_index")
        # Summed as decimals, which cannot overflow here: a total past Int64.max is then found, not wrapped.
        return counts, counts.groupBy(*keys).agg(F.sum(F.col("count").cast("decimal(38,0)")).alias("total"))

    counts, totals = summed()
    totals.persist(StorageLevel.DISK_ONLY)
    trace("summaries")
    over = totals.filter(F.col("total") > F.lit(INT64_MAX)).select("feed").limit(1).collect()
    if over:
        # A day's total of a key passes Int64.max: the direct read rejects, in each file, the row that makes that
        # file's total overflow (which row depends on the order of all rows), and saturates the sum of several
        # files. The files whose own total overflows are read whole, as the direct read reads them.
        per_file = counts.groupBy("file_index", *keys).agg(
            F.sum(F.col("count").cast("decimal(38,0)")).alias("total")
        )
        overflowing = [row.file_index for row in per_file.filter(F.col("total") > F.lit(INT64_MAX))
                       .select("file_index").distinct().collect()]
        if overflowing:
            all_rows.append(read_whole([plans[index] for index in sorted(overflowing)]))
            totals.unpersist()
            counts, totals = summed()
            totals.persist(StorageLevel.DISK_ONLY)
    daily = totals.select(
        *keys,
        F.when(F.col("total") > F.lit(INT64_MAX), F.lit(INT64_MAX)).otherwise(F.col("total")).cast("long")
        .alias("count"),
    )
    trace("overflow check")
    writers = max(1, context.defaultParallelism)

    # The rejects of the files whose rows stand, at the file's lines (each range's moved by the line ends of the
    # ranges before it), the first REJECTS_LISTED_PER_FILE of each file as a direct read lists them.
    shifts = context.broadcast({
        (index, source): summary_shifts for index, (summary, summary_shifts, source) in files.items()
        if summary["level"] == "events" and summary["refusal"] is None
    })

    def shifted(row):
        table = shifts.value.get((row[1], row[2]))
        if table is None or row[3] not in table:
            return []
        reject = shifted_reject(json.loads(row[4]), table[row[3]])
        return [(row[1], reject["line"], json.dumps(reject, ensure_ascii=False))]

    union = context.union(all_rows) if len(all_rows) > 1 else all_rows[0]
    rejects = spark.createDataFrame(
        union.filter(lambda row: row[0] == "r").flatMap(shifted), "file_index int, line long, reject string"
    )
    from pyspark.sql.window import Window

    rank = F.row_number().over(Window.partitionBy("file_index").orderBy("line"))
    listed = rejects.withColumn("rank", rank).filter(F.col("rank") <= REJECTS_LISTED_PER_FILE).drop("rank")
    names_df = spark.createDataFrame([(index, name) for index, name in name_of.items()] or [(-1, "")],
                                     "file_index int, file string")
    listed = listed.join(F.broadcast(names_df), "file_index")
    listed.persist(StorageLevel.DISK_ONLY)

    # The output, written into a staging folder beside `out` by Spark's writers (each through its commit
    # protocol) and Hadoop's file system, then renamed into place.
    parent, base = out.rstrip("/").rsplit("/", 1)
    staging = join(parent, f".{base}.staging-{context.applicationId}")
    previous = join(parent, f".{base}.previous-{context.applicationId}")
    hadoop.delete(staging)
    try:
        hadoop.mkdirs(staging)
        hadoop.copy(calendar_url, join(staging, CALENDAR))
        for relative, is_folder in copies:
            if is_folder:
                hadoop.mkdirs(join(staging, relative))
            else:
                hadoop.copy(join(data, relative), join(staging, relative))
        report_files = []
        for plan in plans:
            summary, _, source = files[plan["index"]]
            if summary["level"] == "daily":
                hadoop.copy(plan["url"], join(staging, plan["name"]))
                report_files.append({"file": plan["name"], "level": "daily", "copied": True})
                continue
            report_files.append({
                "file": plan["name"], "level": "events", "gzip": plan["gzip"], "ranges": summary["ranges"],
                "read_whole": source == "whole", "rows_read": summary["rows_read"],
                "rows_accepted": summary["rows_accepted"], "rows_rejected": summary["rows_rejected"],
                "refused": summary["refusal"] is not None,
            })

        trace("copies")
        # Tables: the daily counts partitioned by date, the listed rejects, the files' accounting.
        tables = join(staging, TABLES)
        # Each date's rows in one task, so that each date's folder holds one file, not one per shuffle partition.
        daily.repartition(writers, "date").write.mode("overwrite").partitionBy("date").parquet(
            join(tables, "daily_counts"))
        listed.select("file", "line", F.get_json_object("reject", "$.column").cast("long").alias("column"),
                      F.get_json_object("reject", "$.value").alias("value"),
                      F.get_json_object("reject", "$.reason").alias("reason"),
                      F.get_json_object("reject", "$.record").alias("record")) \
            .coalesce(writers).write.mode("overwrite").parquet(join(tables, "rejects"))
        accounting = [
            (entry["file"], entry["level"], entry.get("ranges", 0), entry.get("rows_read", 0),
             entry.get("rows_accepted", 0), entry.get("rows_rejected", 0), entry.get("refused", False),
             json.dumps(files[plan["index"]][0].get("refusal")) if entry["level"] == "events" else None)
            for plan, entry in zip(plans, report_files)
        ]
        spark.createDataFrame(
            accounting,
            "file string, level string, ranges long, rows_read long, rows_accepted long, rows_rejected long, "
            "refused boolean, refusal string",
        ).coalesce(1).write.mode("overwrite").parquet(join(tables, "files"))

        trace("tables")
        # Each event-level file's rollup: its accounting, refusal and listed rejects, read by `awareness` as the
        # file's report. Built where the rejects are, one text per file, and written by Spark's text writer into a
        # folder per file, whose one part file is then renamed to `<file>.rollup.json`.
        event_summaries = context.broadcast({
            index: summary for index, (summary, _, _) in files.items() if summary["level"] == "events"
        })
        if event_summaries.value:
            every = context.parallelize([(index, None) for index in event_summaries.value], 1)
            keyed = listed.select("file_index", "line", "reject").rdd.map(
                lambda row: (row.file_index, (row.line, row.reject))
            )

            def text_of(entry):
                index, (_, found) = entry
                rejects = [json.loads(reject) for _, reject in sorted(found, key=lambda item: item[0])]
                return (index, rollup_text(event_summaries.value[index], rejects).rstrip("\n"))

            written = join(staging, "_rollups")
            spark.createDataFrame(every.cogroup(keyed).map(text_of), "file_index int, value string") \
                .repartition("file_index").write.partitionBy("file_index").text(written)
            for plan in plans:
                if plan["index"] not in event_summaries.value:
                    continue
                folder = join(written, f"file_index={plan['index']}")
                parts = [name for name, is_folder, _ in hadoop.list(folder) if not is_folder and name.startswith("part-")]
                if len(parts) != 1:
                    raise JobError(f"{plan['name']}: its rollup was written in {len(parts)} parts")
                hadoop.rename(join(folder, parts[0]), join(staging, plan["name"] + ROLLUP_SUFFIX))
            hadoop.delete(written)

        trace("rollups")
        # The feeds' summed counts as feed files `awareness` reads: daily files (date, key, count) when the feed
        # has no daily file of its own, else event-level rows at each day's local noon, so that they are summed
        # with the feed's daily files as the direct read sums event and daily counts, never restating them.
        has_daily = {plan["feed"] for plan in plans if files[plan["index"]][0]["level"] == "daily"}
        zone = time_zone(hadoop.read_text(calendar_url))
        present = {row.feed for row in daily.select("feed").distinct().collect()}
        for feed in sorted(present):
            rows_of_feed = daily.filter(F.col("feed") == feed)
            as_events = feed in has_daily or banners_present
            if as_events:
                first = F.date_format(
                    F.to_utc_timestamp(F.to_timestamp(F.concat(F.col("date"), F.lit(" 12:00:00"))), zone),
                    "yyyy-MM-dd'T'HH:mm:ss'Z'",
                ).alias("timestamp")
            else:
                first = F.col("date")
            written = join(staging, "_feeds", feed)
            rows_of_feed.select(first, "campaign", "banner", "placement", "region", F.col("count").alias(feed)) \
                .repartition(writers, "campaign" if as_events else "date") \
                .write.mode("overwrite").option("header", True).option("escape", '"') \
                .option("ignoreLeadingWhiteSpace", False).option("ignoreTrailingWhiteSpace", False) \
                .option("emptyValue", "").csv(written)
            parts = [name for name, is_folder, _ in hadoop.list(written)
                     if not is_folder and name.startswith("part-") and name.endswith(".csv")]
            existing = {relative for relative, _ in copies} | {plan["name"] for plan in plans}
            for number, name in enumerate(parts):
                relative = f"{feed}/rollup-{feed}-{number:05d}.csv"
                if relative in existing:
                    raise JobError(f"{join(data, relative)}: the job's own output would have this name")
                hadoop.rename(join(written, name), join(staging, relative))
        hadoop.delete(join(staging, "_feeds"))

        trace("feed files")
        report = {
            "files": sorted(report_files, key=lambda entry: entry["file"]),
            "ranges_read": len(tasks), "files_read_whole": sum(1 for e in report_files if e.get("read_whole")),
            "stages": stages,
            "spark_jobs": len(context.statusTracker().getJobIdsForGroup(group)),
        }
        for key in ("rows_read", "rows_accepted", "rows_rejected"):
            report[key] = sum(entry.get(key, 0) for entry in report_files)
        hadoop.write(join(staging, JOB_REPORT), (json.dumps(report, indent=1, sort_keys=True) + "\n").encode())
        # The commit: the previous output moves aside, the staging folder takes its name, the previous is deleted.
        if hadoop.exists(out):
            hadoop.rename(out, previous)
        hadoop.rename(staging, out)
        hadoop.delete(previous)
    finally:
        hadoop.delete(staging)
        for rdd in all_rows:
            rdd.unpersist()
        totals.unpersist()
        listed.unpersist()
        context.setLocalProperty("spark.jobGroup.id", None)
        spark.conf.set("spark.sql.shuffle.partitions", shuffle_partitions)
    return report


def size_argument(text):
    units = {"k": 1 << 10, "m": 1 << 20, "g": 1 << 30}
    text = text.strip().lower().rstrip("ib").rstrip("i")
    if text and text[-1] in units:
        return int(float(text[:-1]) * units[text[-1]])
    return int(text)


def main(arguments=None):
    parser = argparse.ArgumentParser(description="Roll up a data folder's event-level files with awareness on Spark.")
    parser.add_argument("--data", required=True, help="the data folder (local path, hdfs://, s3a://, gs://)")
    parser.add_argument("--out", required=True, help="the output data folder and tables (any Hadoop URI)")
    parser.add_argument("--range-size", type=size_argument, default=DEFAULT_RANGE_SIZE, help="bytes per task")
    parser.add_argument("--binary", help="the awareness executable, when not shipped with --files awareness")
    parser.add_argument("--stream", action="store_true", help="stream ranges to the binary's standard input")
    options = parser.parse_args(arguments)
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("awareness rollup").getOrCreate()
    try:
        report = run_job(
            spark, options.data, options.out, options.range_size, options.binary, True if options.stream else None,
        )
    except JobError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    finally:
        spark.stop()
    print(
        f"awareness rollup: {len(report['files'])} files, {report['ranges_read']} ranges, "
        f"{report['rows_read']} rows read, {report['rows_accepted']} accepted, {report['rows_rejected']} rejected"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

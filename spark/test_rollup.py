"""Tests of the Spark job (spark/rollup.py) in local mode with retries on (local[2,2]) and a small driver
(spark.driver.memory=512m, spark.driver.maxResultSize=16m), against the same data read directly by `awareness`.
Input is read through the file-system layer (file:// URIs) and the output goes to a folder that is not the
driver's working folder. Run by scripts/check-spark; AWARENESS names the binary. Prints PASS or FAIL per case and a
closing `N passed, N failed` line; `python spark/test_rollup.py NAME...` runs the cases whose names contain NAME."""

import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rollup  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
AWARENESS = os.environ.get("AWARENESS") or os.path.join(ROOT, ".build", "debug", "awareness")
FIXTURES = os.path.join(ROOT, "Tests", "AwarenessTests", "Fixtures", "good")
RANGE = 64 << 10


def awareness(*arguments, check=True):
    result = subprocess.run([AWARENESS, *arguments], capture_output=True)
    if check and result.returncode not in (0, 1):
        raise AssertionError(f"awareness {' '.join(arguments)} exited {result.returncode}: {result.stderr.decode()}")
    return result


def weekly(folder):
    return awareness("weekly", "--data", folder, "--format", "csv").stdout


def is_job_output(path):
    """The job's summed counts, which a direct read has not: `<feed>/rollup-<feed>-NNNNN.csv`."""
    feed, _, name = path.partition("/")
    return name.startswith(f"rollup-{feed}-") and name.endswith(".csv")


def nightly(folder, scratch):
    """rejects.csv and each input file's accounting in the manifest of `awareness run --force` on `folder` (the
    job's own summed-count files left out)."""
    out = os.path.join(scratch, "reports-" + os.path.basename(folder))
    awareness("run", "--force", "--data", folder, "--out", out, "--notebooks", out + "-notebooks")
    with open(os.path.join(out, "rejects.csv"), "rb") as stream:
        rejects = stream.read()
    with open(os.path.join(out, "run-manifest.json")) as stream:
        inputs = json.load(stream)["inputs"]
    rows = {
        entry.get("rollup_of", entry["path"]): tuple(
            entry.get(key) for key in (
                "rows_read", "rows_accepted", "rows_rejected", "rows_kept_with_invalid_text",
                "rows_rejected_not_listed",
            )
        )
        for entry in inputs
        if not is_job_output(entry["path"])
    }
    return rejects, rows


def error_lines(folder):
    """The located errors `validate` prints, with the data folder's path taken out."""
    text = awareness("validate", "--data", folder).stdout.decode()
    return [line.strip().replace(folder + "/", "") for line in text.splitlines() if line.strip().startswith("error:")]


def same_as_direct(raw, out, scratch):
    """The checks of issue 29: weekly byte for byte, rejects.csv and the per-file accounting of `run`."""
    assert weekly(out) == weekly(raw), "weekly differs"
    direct_rejects, direct_rows = nightly(raw, scratch)
    rolled_rejects, rolled_rows = nightly(out, scratch)
    assert rolled_rows == direct_rows, (rolled_rows, direct_rows)
    assert rolled_rejects == direct_rejects, "rejects.csv differs"
    return direct_rejects, direct_rows


def events_row(index, banner="b1", count=None):
    day = 1 + index % 28
    row = f"2020-05-{day:02d}T{index % 24:02d}:{index % 60:02d}:00Z,banner-119,{banner},search,IDF"
    return row + ("" if count is None else f",{count}")


def new_folder(folder, feeds=("impressions", "clicks")):
    os.makedirs(folder)
    for feed in feeds:
        os.makedirs(os.path.join(folder, feed))
    shutil.copy(os.path.join(FIXTURES, "campaigns.yaml"), folder)


def write(path, content):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as stream:
        stream.write(content if isinstance(content, bytes) else content.encode())


def write_bad_fixture(folder):
    """Event files with bad rows, a quoted newline across the first range boundary, a stray quote that refuses a
    file in its last range, a quote never closed at a file's end, a gzip event file and a daily file in a banner
    feed."""
    new_folder(folder, ("impressions", "clicks", "helpline_calls"))
    shutil.copy(os.path.join(FIXTURES, "helpline_calls", "2020-05-05.csv"), os.path.join(folder, "helpline_calls"))
    header = "timestamp,campaign,banner,placement,region,impressions\n"
    text = header
    index = 0
    while len(text.encode()) < RANGE - 40:
        text += events_row(index, count=index % 7) + "\n"
        index += 1
    # A banner of many quoted lines, long enough that the first range's end and the line end after it are inside it.
    text += events_row(index, banner='"' + "\n".join(["part"] * 40) + '"', count=1) + "\n"
    index += 1
    lines = []
    while len((text + "".join(lines)).encode()) < 3 * RANGE:
        if index % 997 == 0:
            lines.append(events_row(index, count=-3) + "\n")
        elif index % 1409 == 0:
            lines.append("2020-13-01T00:00:00Z,banner-119,b1,search,IDF,1\n")
        elif index % 1777 == 0:
            lines.append("2020-05-04T10:00:00Z,banner-119,b1\n")
        else:
            lines.append(events_row(index, count=index % 5) + "\n")
        index += 1
    write(os.path.join(folder, "impressions", "a.csv"), text + "".join(lines))
    clicks = "timestamp,campaign,banner,placement,region\n" + "".join(events_row(i) + "\n" for i in range(3000))
    clicks += '2020-05-09T10:00:00Z,banner-119,b"1,search,IDF\n' + "".join(events_row(i) + "\n" for i in range(200))
    write(os.path.join(folder, "clicks", "b.csv"), clicks)
    late = header + "".join(events_row(i, count=2) + "\n" for i in range(2500))
    late += '2020-05-10T10:00:00Z,banner-119,"never closed,search,IDF,1\n' + events_row(1, count=1) + "\n"
    write(os.path.join(folder, "impressions", "c.csv"), late)
    with gzip.open(os.path.join(folder, "clicks", "e.csv.gz"), "wt", newline="") as stream:
        stream.write("timestamp,campaign\n" + "".join(f"2020-05-0{1 + i % 9}T12:00:00Z,banner-119\n" for i in range(50)))
    write(os.path.join(folder, "impressions", "daily.csv"),
          "date,campaign,impressions\n2020-05-04,banner-119,10\n2020-05-05,banner-119,11\n")


def check_totals(report):
    assert report["rows_read"] == report["rows_accepted"] + report["rows_rejected"], report
    for entry in report["files"]:
        if "rows_read" in entry:
            assert entry["rows_read"] == entry["rows_accepted"] + entry["rows_rejected"], entry


def folder_bytes(folder):
    found = {}
    for base, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(base, name)
            relative = os.path.relpath(path, folder)
            if relative.startswith("tables") or relative == rollup.JOB_REPORT:
                continue  # Parquet part names carry a random id
            with open(path, "rb") as stream:
                found[relative] = stream.read()
    return found


def main(selected):
    from pyspark.sql import SparkSession

    scratch = tempfile.mkdtemp(prefix="awareness-spark-")
    spark = (
        SparkSession.builder.master("local[2,2]")
        .appName("awareness rollup tests")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.local.dir", os.path.join(scratch, "spark-local"))
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.memory", "512m")
        .config("spark.driver.maxResultSize", "16m")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate()
    )
    context = spark.sparkContext
    context.setLogLevel("ERROR")
    context.addFile(AWARENESS)
    context.addPyFile(rollup.__file__)
    # The driver's working folder is not where the output goes: the tests write under `scratch` only.
    assert not os.path.abspath(scratch).startswith(os.getcwd())
    passed, failed = 0, 0

    def uri(path):
        return "file://" + path

    try:
        events = os.path.join(scratch, "events")
        awareness("sample-data", "--events", "50000", "--out", events)

        def fifty_thousand_events_give_the_weekly_table_rejects_and_accounting_of_a_direct_read():
            out = os.path.join(scratch, "events-rollup")
            report = rollup.run_job(spark, uri(events), uri(out), range_size=256 << 10, stream=True)
            check_totals(report)
            assert report["ranges_read"] > 10, report
            assert report["rows_read"] == 51263, report
            direct_rejects, _ = same_as_direct(events, out, scratch)
            assert direct_rejects.count(b"\n") >= 2
            # The tables: the daily counts by date, the rejects and the files' accounting.
            counts = spark.read.parquet(os.path.join(out, "tables", "daily_counts"))
            assert "date" in counts.columns and counts.count() > 1000
            files = {row.file: row for row in spark.read.parquet(os.path.join(out, "tables", "files")).collect()}
            assert files["impressions/impressions_events.csv"].rows_read == 50000, files
            assert spark.read.parquet(os.path.join(out, "tables", "rejects")).count() == report["rows_rejected"]
            assert not [name for name in os.listdir(scratch) if ".staging-" in name]
            hidden = [path for path in folder_bytes(out) if os.path.basename(path).startswith(".")]
            assert not hidden, hidden

        def a_task_killed_once_is_retried_and_the_output_is_unchanged():
            out = os.path.join(scratch, "events-rollup-fault")
            marker = os.path.join(scratch, "fault-marker")
            report = rollup.run_job(spark, events, out, range_size=256 << 10, fault=(marker, 3))
            check_totals(report)
            assert os.path.exists(marker), "the fault was not injected"
            reference = os.path.join(scratch, "events-rollup")
            if not os.path.exists(reference):  # the first case was not selected
                rollup.run_job(spark, uri(events), uri(reference), range_size=256 << 10, stream=True)
            # Killed once, read by path rather than streamed: the same bytes.
            assert folder_bytes(out) == folder_bytes(reference)
            assert folder_bytes(out), "nothing was written"

        def a_failed_job_leaves_the_previous_output_as_it_was():
            out = os.path.join(scratch, "events-rollup-kept")
            rollup.run_job(spark, events, out, range_size=1 << 20)
            before = folder_bytes(out)
            try:
                rollup.run_job(spark, events, out, range_size=1 << 20, binary="/nonexistent/awareness")
            except Exception:  # the tasks fail, retries too: the job fails
                pass
            else:
                raise AssertionError("the job did not fail")
            assert folder_bytes(out) == before
            assert not [name for name in os.listdir(scratch) if ".staging-" in name or ".previous-" in name]

        def bad_rows_stray_quotes_quoted_newlines_gzip_and_daily_files_match_a_direct_read():
            raw = os.path.join(scratch, "bad")
            write_bad_fixture(raw)
            out = os.path.join(scratch, "bad-rollup")
            report = rollup.run_job(spark, uri(raw), uri(out), range_size=RANGE, stream=True,
                                    minimum_range_size=1 << 10)
            check_totals(report)
            files = {entry["file"]: entry for entry in report["files"]}
            assert files["clicks/b.csv"]["refused"] and files["clicks/b.csv"]["ranges"] >= 2, files
            assert files["impressions/c.csv"]["refused"] and files["impressions/c.csv"]["ranges"] >= 2, files
            assert files["impressions/daily.csv"]["copied"], files
            assert files["clicks/e.csv.gz"]["gzip"] and files["clicks/e.csv.gz"]["rows_read"] == 50, files
            with open(os.path.join(out, "impressions", "daily.csv"), "rb") as copy:
                with open(os.path.join(raw, "impressions", "daily.csv"), "rb") as original:
                    assert copy.read() == original.read()
            direct_rejects, _ = same_as_direct(raw, out, scratch)
            assert direct_rejects.count(b"\n") > 4
            direct_errors = error_lines(raw)
            assert any("never closed" in line for line in direct_errors), direct_errors
            assert error_lines(out) == direct_errors, (error_lines(out), direct_errors)

        def quoting_never_adds_a_round_the_job_runs_the_same_spark_jobs_on_plain_and_quoted_files():
            plain = os.path.join(scratch, "plain")
            quoted = os.path.join(scratch, "quoted")
            # Quoted fields of many lines, in a column the feed ignores: most cuts fall inside one. The plain file's
            # note has the same length, so both files are cut into the same ranges: a result is fetched per range,
            # and only rounds, which quoting would add, may make the quoted file's job count differ.
            quoted_note = '"' + "\n".join(['q ""x""'] * 12) + '"'
            for folder, note in ((plain, "n" * len(quoted_note)), (quoted, quoted_note)):
                new_folder(folder)
                header = "timestamp,campaign,banner,placement,region,impressions,note\n"
                write(os.path.join(folder, "impressions", "a.csv"),
                      header + "".join(events_row(i, count=1) + "," + note + "\n" for i in range(3000)))
            reports = []
            for folder in (plain, quoted):
                out = folder + "-rollup"
                reports.append(rollup.run_job(spark, uri(folder), uri(out), range_size=16 << 10,
                                              minimum_range_size=1 << 10))
                same_as_direct(folder, out, scratch)
            assert reports[1]["ranges_read"] >= 20, reports[1]
            assert reports[0]["ranges_read"] == reports[1]["ranges_read"], reports
            for report in reports:
                assert report["stages"] == {"quote_count": 1, "ranges": 1, "whole_files": 0}, report["stages"]
            assert reports[0]["spark_jobs"] == reports[1]["spark_jobs"], reports

        def a_million_distinct_keys_over_two_thousand_ranges_fit_a_small_driver():
            maximum = spark._jvm.java.lang.Runtime.getRuntime().maxMemory()
            assert maximum <= 512 << 20, f"the driver has {maximum} bytes, not 512m"
            raw = os.path.join(scratch, "million")
            new_folder(raw, ("impressions",))
            keys = 1_000_000
            with open(os.path.join(raw, "impressions", "keys.csv"), "w") as stream:
                stream.write("timestamp,campaign,banner\n")
                for index in range(keys):
                    stream.write(f"2020-05-{1 + index % 28:02d}T10:00:00Z,banner-119,k{index // 28}\n")
            size = os.path.getsize(os.path.join(raw, "impressions", "keys.csv"))
            out = os.path.join(scratch, "million-rollup")
            report = rollup.run_job(spark, uri(raw), uri(out), range_size=size // 2000, minimum_range_size=1 << 10)
            assert report["ranges_read"] >= 2000, report["ranges_read"]
            assert report["rows_accepted"] == keys, report
            counts = spark.read.parquet(os.path.join(out, "tables", "daily_counts"))
            assert counts.count() == keys
            assert weekly(out) == weekly(raw)

        def files_in_partition_sub_folders_are_read_never_dropped():
            raw = os.path.join(scratch, "partitioned")
            new_folder(raw)
            header = "timestamp,campaign,banner,placement,region,impressions\n"
            for day in ("2020-05-05", "2020-05-06"):
                write(os.path.join(raw, "impressions", f"dt={day}", "part-0000.csv"),
                      header + "".join(f"{day}T{i % 24:02d}:00:00Z,banner-119,b1,search,IDF,2\n" for i in range(400)))
            write(os.path.join(raw, "impressions", "dt=2020-05-06", ".part-0000.csv.crc"), b"\x00")
            out = os.path.join(scratch, "partitioned-rollup")
            report = rollup.run_job(spark, uri(raw), uri(out), range_size=4 << 10, minimum_range_size=1 << 10)
            files = {entry["file"]: entry for entry in report["files"]}
            for day in ("2020-05-05", "2020-05-06"):
                entry = files[f"impressions/dt={day}/part-0000.csv"]
                assert entry["rows_accepted"] == 400 and entry["ranges"] >= 2, entry
                assert os.path.exists(os.path.join(out, "impressions", f"dt={day}", "part-0000.csv.rollup.json"))
            assert report["rows_accepted"] == 800, report
            if b"dt=2020-05-05/part-0000.csv" in awareness("validate", "--data", raw).stdout:
                # The direct read reads partition sub-folders: the output must then read as the input does.
                same_as_direct(raw, out, scratch)

        def ignored_column_bytes_and_a_bad_byte_early_give_the_direct_read_accounting():
            raw = os.path.join(scratch, "invalid")
            new_folder(raw)
            header = b"timestamp,campaign,banner,placement,region,impressions,note\n"
            body = b"".join(
                events_row(i, count=1).encode() + (b",caf\xe9\n" if i % 37 == 5 else b",ok\n") for i in range(3000)
            )
            write(os.path.join(raw, "impressions", "kept.csv"), header + body)
            early = b"".join(events_row(i, count=1).encode() + b",ok\n" for i in range(500))
            early += b"2020-05-04T10:00:00Z,banner-119,b\xff1,search,IDF,1,ok\n" + body
            write(os.path.join(raw, "impressions", "early.csv"), header + early)
            out = os.path.join(scratch, "invalid-rollup")
            report = rollup.run_job(spark, uri(raw), uri(out), range_size=16 << 10, stream=True,
                                    minimum_range_size=1 << 10)
            files = {entry["file"]: entry for entry in report["files"]}
            assert files["impressions/kept.csv"]["rows_accepted"] == 3000 and files["impressions/kept.csv"]["ranges"] > 2
            assert files["impressions/early.csv"]["rows_read"] == 500 and files["impressions/early.csv"]["refused"]
            _, rows = same_as_direct(raw, out, scratch)
            assert rows["impressions/kept.csv"][3] == len([i for i in range(3000) if i % 37 == 5]), rows
            assert error_lines(out) == error_lines(raw)

        def counts_near_int64_max_in_different_ranges_are_the_direct_read_reject_not_a_broken_output():
            raw = os.path.join(scratch, "overflow")
            new_folder(raw)
            header = "timestamp,campaign,banner,placement,region,impressions\n"
            big = "2020-05-04T10:00:00Z,banner-119,b1,search,IDF,9223372036854775000\n"
            filler = "".join(events_row(i, count=1) + "\n" for i in range(400))
            write(os.path.join(raw, "impressions", "one.csv"), header + big + filler + filler + big + filler)
            write(os.path.join(raw, "clicks", "a.csv"), "timestamp,campaign,banner,placement,region,clicks\n" + big)
            write(os.path.join(raw, "clicks", "b.csv"), "timestamp,campaign,banner,placement,region,clicks\n" + big)
            out = os.path.join(scratch, "overflow-rollup")
            report = rollup.run_job(spark, uri(raw), uri(out), range_size=8 << 10, minimum_range_size=1 << 10)
            files = {entry["file"]: entry for entry in report["files"]}
            assert files["impressions/one.csv"]["read_whole"] and files["impressions/one.csv"]["rows_rejected"] == 1
            direct_rejects, _ = same_as_direct(raw, out, scratch)
            assert b"one.csv" in direct_rejects

        cases = [
            fifty_thousand_events_give_the_weekly_table_rejects_and_accounting_of_a_direct_read,
            a_task_killed_once_is_retried_and_the_output_is_unchanged,
            a_failed_job_leaves_the_previous_output_as_it_was,
            bad_rows_stray_quotes_quoted_newlines_gzip_and_daily_files_match_a_direct_read,
            quoting_never_adds_a_round_the_job_runs_the_same_spark_jobs_on_plain_and_quoted_files,
            files_in_partition_sub_folders_are_read_never_dropped,
            ignored_column_bytes_and_a_bad_byte_early_give_the_direct_read_accounting,
            counts_near_int64_max_in_different_ranges_are_the_direct_read_reject_not_a_broken_output,
            a_million_distinct_keys_over_two_thousand_ranges_fit_a_small_driver,
        ]
        # The million-key case takes minutes on two cores (23 min on a loaded build machine): it runs when named
        # on the command line or with AWARENESS_SPARK_LARGE=1, and says so when it does not.
        large = {a_million_distinct_keys_over_two_thousand_ranges_fit_a_small_driver.__name__}
        for case in cases:
            if selected and not any(name in case.__name__ for name in selected):
                continue
            if not selected and case.__name__ in large and os.environ.get("AWARENESS_SPARK_LARGE") != "1":
                print(f"NOT RUN {case.__name__} (set AWARENESS_SPARK_LARGE=1 or name it to run it)", flush=True)
                continue
            began = time.perf_counter()
            try:
                case()
                print(f"PASS {case.__name__} ({time.perf_counter() - began:.0f} s)", flush=True)
                passed += 1
            except Exception as error:  # a failed case is reported and the others still run
                print(f"FAIL {case.__name__}: {error!r}"[:4000], flush=True)
                failed += 1
    finally:
        spark.stop()
        shutil.rmtree(scratch, ignore_errors=True)
    print(f"spark: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

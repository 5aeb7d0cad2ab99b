"""Tests of the Spark job (spark/rollup.py) in local mode with retries on (local[2,2]), against the same data read
directly by `awareness`. Run by scripts/check-spark; AWARENESS names the binary. Prints PASS or FAIL per case and a
closing `N passed, N failed` line."""

import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile

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


def nightly(folder, scratch):
    """rejects.csv and the manifest's inputs of `awareness run --force` on `folder`."""
    out = os.path.join(scratch, "reports-" + os.path.basename(folder))
    awareness("run", "--force", "--data", folder, "--out", out, "--notebooks", out + "-notebooks")
    with open(os.path.join(out, "rejects.csv"), "rb") as stream:
        rejects = stream.read()
    with open(os.path.join(out, "run-manifest.json")) as stream:
        inputs = json.load(stream)["inputs"]
    rows = {
        entry.get("rollup_of", entry["path"]): (entry["rows_read"], entry["rows_accepted"], entry["rows_rejected"])
        for entry in inputs
    }
    return rejects, rows


def error_lines(folder):
    """The located errors `validate` prints, with the data folder's path taken out."""
    text = awareness("validate", "--data", folder).stdout.decode()
    return [line.strip().replace(folder + "/", "") for line in text.splitlines() if line.strip().startswith("error:")]


def events_row(index, banner="b1", count=None):
    day = 1 + index % 28
    row = f"2020-05-{day:02d}T{index % 24:02d}:{index % 60:02d}:00Z,banner-119,{banner},search,IDF"
    return row + ("" if count is None else f",{count}")


def write_bad_fixture(folder):
    """Event files with bad rows, a quoted newline across the first range boundary, a stray quote that refuses a
    file in its last range, a quote never closed at a file's end, a gzip event file and a daily file in a banner
    feed."""
    os.makedirs(os.path.join(folder, "impressions"))
    os.makedirs(os.path.join(folder, "clicks"))
    os.makedirs(os.path.join(folder, "helpline_calls"))
    shutil.copy(os.path.join(FIXTURES, "campaigns.yaml"), folder)
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
    with open(os.path.join(folder, "impressions", "a.csv"), "w", newline="") as stream:
        stream.write(text + "".join(lines))
    clicks = "timestamp,campaign,banner,placement,region\n" + "".join(events_row(i) + "\n" for i in range(3000))
    clicks += '2020-05-09T10:00:00Z,banner-119,b"1,search,IDF\n' + "".join(events_row(i) + "\n" for i in range(200))
    with open(os.path.join(folder, "clicks", "b.csv"), "w", newline="") as stream:
        stream.write(clicks)
    late = header + "".join(events_row(i, count=2) + "\n" for i in range(2500))
    late += '2020-05-10T10:00:00Z,banner-119,"never closed,search,IDF,1\n' + events_row(1, count=1) + "\n"
    with open(os.path.join(folder, "impressions", "c.csv"), "w", newline="") as stream:
        stream.write(late)
    with gzip.open(os.path.join(folder, "clicks", "e.csv.gz"), "wt", newline="") as stream:
        stream.write("timestamp,campaign\n" + "".join(f"2020-05-0{1 + i % 9}T12:00:00Z,banner-119\n" for i in range(50)))
    with open(os.path.join(folder, "impressions", "daily.csv"), "w", newline="") as stream:
        stream.write("date,campaign,impressions\n2020-05-04,banner-119,10\n2020-05-05,banner-119,11\n")


def check_totals(report):
    assert report["rows_read"] == report["rows_accepted"] + report["rows_rejected"], report
    for entry in report["files"]:
        if "rows_read" in entry:
            assert entry["rows_read"] == entry["rows_accepted"] + entry["rows_rejected"], entry


def rollup_files(folder):
    found = {}
    for feed in rollup.BANNER_FEEDS:
        for name in sorted(os.listdir(os.path.join(folder, feed))):
            if name.endswith(rollup.ROLLUP_SUFFIX):
                with open(os.path.join(folder, feed, name), "rb") as stream:
                    found[f"{feed}/{name}"] = stream.read()
    return found


def main():
    from pyspark import SparkConf, SparkContext

    scratch = tempfile.mkdtemp(prefix="awareness-spark-")
    spark_local = os.path.join(scratch, "spark-local")
    conf = (
        SparkConf()
        .setMaster("local[2,2]")
        .setAppName("awareness rollup tests")
        .set("spark.ui.enabled", "false")
        .set("spark.driver.host", "127.0.0.1")
        .set("spark.local.dir", spark_local)
        .set("spark.ui.showConsoleProgress", "false")
    )
    context = SparkContext(conf=conf)
    context.setLogLevel("ERROR")
    context.addFile(AWARENESS)
    context.addPyFile(rollup.__file__)
    passed, failed = 0, 0
    try:
        events = os.path.join(scratch, "events")
        awareness("sample-data", "--events", "50000", "--out", events)

        def fifty_thousand_events_give_the_weekly_table_of_a_direct_read():
            out = os.path.join(scratch, "events-rollup")
            report = rollup.run_job(context, events, out, range_size=256 << 10)
            check_totals(report)
            assert sum(entry.get("ranges", 0) for entry in report["files"]) > 10, report
            direct_rejects, direct_rows = nightly(events, scratch)
            rolled_rejects, rolled_rows = nightly(out, scratch)
            assert report["rows_read"] == sum(rows[0] for rows in direct_rows.values()) == 51263, report
            assert rolled_rows == direct_rows, (rolled_rows, direct_rows)
            assert rolled_rejects == direct_rejects
            direct, rolled = weekly(events), weekly(out)
            assert len(direct.splitlines()) > 50 and rolled == direct
            assert sorted(os.listdir(scratch)).count(".events-rollup.tmp-%d" % os.getpid()) == 0

        def a_task_killed_once_is_retried_and_the_result_is_unchanged():
            out = os.path.join(scratch, "events-rollup-fault")
            marker = os.path.join(scratch, "fault-marker")
            report = rollup.run_job(context, events, out, range_size=256 << 10, fault=(marker, 3))
            check_totals(report)
            assert os.path.exists(marker), "the fault was not injected"
            assert rollup_files(out) == rollup_files(os.path.join(scratch, "events-rollup"))
            assert weekly(out) == weekly(events)

        def bad_rows_a_stray_quote_and_a_quoted_newline_across_ranges_match_a_direct_read():
            raw = os.path.join(scratch, "bad")
            write_bad_fixture(raw)
            out = os.path.join(scratch, "bad-rollup")
            report = rollup.run_job(context, raw, out, range_size=RANGE, stream=True)
            check_totals(report)
            assert report["ranges_read_again"] >= 1, report
            files = {entry["file"]: entry for entry in report["files"]}
            assert files["clicks/b.csv"]["refused"] and files["clicks/b.csv"]["ranges"] >= 2, files
            assert files["impressions/c.csv"]["refused"] and files["impressions/c.csv"]["ranges"] >= 2, files
            assert files["impressions/daily.csv"]["copied"] and files["clicks/e.csv.gz"]["copied"], files
            with open(os.path.join(out, "impressions", "daily.csv"), "rb") as copy:
                with open(os.path.join(raw, "impressions", "daily.csv"), "rb") as original:
                    assert copy.read() == original.read()
            direct_rejects, direct_rows = nightly(raw, scratch)
            rolled_rejects, rolled_rows = nightly(out, scratch)
            assert rolled_rows == direct_rows, (rolled_rows, direct_rows)
            assert direct_rejects.count(b"\n") > 4 and rolled_rejects == direct_rejects
            direct_errors = error_lines(raw)
            assert any("never closed" in line for line in direct_errors), direct_errors
            assert error_lines(out) == direct_errors, (error_lines(out), direct_errors)
            assert weekly(out) == weekly(raw)

        for case in (
            fifty_thousand_events_give_the_weekly_table_of_a_direct_read,
            a_task_killed_once_is_retried_and_the_result_is_unchanged,
            bad_rows_a_stray_quote_and_a_quoted_newline_across_ranges_match_a_direct_read,
        ):
            try:
                case()
                print(f"PASS {case.__name__}", flush=True)
                passed += 1
            except Exception as error:  # a failed case is reported and the others still run
                print(f"FAIL {case.__name__}: {error!r}"[:4000], flush=True)
                failed += 1
    finally:
        context.stop()
        shutil.rmtree(scratch, ignore_errors=True)
    print(f"spark: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

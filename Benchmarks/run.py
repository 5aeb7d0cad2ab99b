#!/usr/bin/env python3
"""The awareness ingest benchmark: times awareness, its peers and the libcsv floor on the same files.

Called by Benchmarks/run, which builds awareness, generates the data, sets up the venv and compiles the
floor first. Standard library only: the peers run in their own processes with the venv's Python.

Every tool is a separate process timed by GNU time (`/usr/bin/time -f "%e %U %S %M"`): wall seconds,
user + system CPU seconds, peak resident set size. One untimed check pass runs every tool once and
compares the tables; then K timed passes run the tools interleaved, each pass starting one tool further on
(A1 B1 C1, B2 C2 A2, C3 A3 B3 ...), so that a burst of load from elsewhere on the machine hits every tool
alike and no tool always follows the same one. The table shows medians.
"""

import argparse
import csv
import datetime
import os
import platform
import statistics
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
COMPARISON_COLUMNS = ["week", "campaign", "placement", "impressions", "clicks", "ctr"]
WEEKLY_LABEL = "awareness weekly"
VALIDATE_LABEL = "awareness validate (ingest only)"
FLOOR_LABEL = "libcsv floor (empty callbacks, 1 thread)"
PEERS = {"polars": "polars (lazy, streaming)", "duckdb": "duckdb (read_csv)", "pandas": "pandas (pyarrow engine)"}


class Tool:
    """One benchmarked command: its label, argv, where its stdout goes, and the table it writes, if any."""

    def __init__(self, label, argv, table=None, stdout_path=None, normalise=None):
        self.label = label
        self.argv = argv
        self.table = table  # the comparison table this tool leaves behind, or None
        self.stdout_path = stdout_path  # file that receives stdout, or None for /dev/null
        self.normalise = normalise  # turns the tool's own output into the comparison table
        self.runs = []  # (wall, cpu, rss_kib) per timed run
        self.failure = None
        self.table_status = "-"


# MARK: - Comparison tables


def canonical_row(week, campaign, placement, impressions, clicks, ctr):
    """One row of the comparison table with numbers in one spelling: integers, CTR with 6 decimals."""

    def count(text):
        value = float(text) if text not in ("", None) else 0.0
        if value != int(value):
            raise ValueError(f"count {text!r} is not an integer")
        return int(value)

    ctr_text = "" if ctr in ("", None) else f"{round(float(ctr), 6):.6f}"
    return (week, campaign, placement, count(impressions), count(clicks), ctr_text)


def read_comparison_table(path):
    """Reads a peer's comparison table (week,campaign,placement,impressions,clicks,ctr) in canonical form."""
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames != COMPARISON_COLUMNS:
            raise ValueError(f"{path}: columns {reader.fieldnames}, expected {COMPARISON_COLUMNS}")
        rows = [canonical_row(*(row[column] for column in COMPARISON_COLUMNS)) for row in reader]
    return sorted(rows)


def normalise_awareness_weekly(raw_path, table_path):
    """Turns `awareness weekly --format csv` (tidy: week,series,value,...) into the comparison table.

    Keeps only the three-part series `impressions|clicks|ctr:<campaign>:<placement>` (campaign totals
    have two parts). A missing impressions or clicks series counts 0, as the peers' outer join does; the
    CTR is awareness's own `ctr:` value, never recomputed here, so a missing or wrong CTR shows as a
    difference.
    """
    cells = {}
    with open(raw_path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        for field in ("week", "series", "value"):
            if field not in (reader.fieldnames or []):
                raise ValueError(f"awareness weekly output has no {field!r} column: {reader.fieldnames}")
        for row in reader:
            parts = row["series"].split(":")
            if len(parts) != 3 or parts[0] not in ("impressions", "clicks", "ctr"):
                continue
            metric, campaign, placement = parts
            cells.setdefault((row["week"], campaign, placement), {})[metric] = row["value"]
    rows = sorted(
        canonical_row(*key, values.get("impressions", 0), values.get("clicks", 0), values.get("ctr", ""))
        for key, values in cells.items()
    )
    write_comparison_table(table_path, rows)


def write_comparison_table(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(COMPARISON_COLUMNS)
        writer.writerows(rows)


def first_difference(reference, other):
    """A one-line description of where two canonical tables first differ."""
    for index, (left, right) in enumerate(zip(reference, other)):
        if left != right:
            return f"row {index + 1}: {','.join(map(str, left))} vs {','.join(map(str, right))}"
    return f"{len(reference)} rows vs {len(other)} rows"


# MARK: - Running and timing


def run_once(tool, scratch):
    """Runs a tool once under GNU time; returns (wall, cpu, rss_kib) or raises with its stderr."""
    time_path = os.path.join(scratch, "time.txt")
    stderr_path = os.path.join(scratch, "stderr.txt")
    stdout_path = tool.stdout_path or os.devnull
    with open(stdout_path, "wb") as stdout, open(stderr_path, "wb") as stderr:
        status = subprocess.run(
            ["/usr/bin/time", "-o", time_path, "-f", "%e %U %S %M", *tool.argv],
            stdout=stdout, stderr=stderr, check=False,
        ).returncode
    if status != 0:
        with open(stderr_path, encoding="utf-8", errors="replace") as handle:
            tail = handle.read().strip().splitlines()[-3:]
        raise RuntimeError(f"exit {status}: " + " / ".join(" ".join(line.split()) for line in tail))
    with open(time_path, encoding="utf-8") as handle:
        wall, user, system, rss = handle.read().split()[-4:]
    return float(wall), float(user) + float(system), int(rss)


def check_pass(tools, scratch):
    """Runs every tool once (untimed; it also warms the page cache) and compares the tables."""
    reference = None
    reference_label = None
    for tool in tools:
        print(f"check: {tool.label} ...", file=sys.stderr, flush=True)
        try:
            run_once(tool, scratch)
            if tool.normalise:
                tool.normalise(tool.stdout_path, tool.table)
        except (RuntimeError, ValueError, OSError) as error:
            tool.failure = str(error)
            print(f"  failed: {error}", file=sys.stderr)
            continue
        if tool.table is None:
            continue
        try:
            rows = read_comparison_table(tool.table)
        except (ValueError, OSError, KeyError) as error:
            tool.failure = f"unreadable table: {error}"
            continue
        if reference is None:
            reference, reference_label = rows, tool.label
            tool.table_status = f"reference ({len(rows)} rows)"
        elif rows == reference:
            tool.table_status = "identical"
        else:
            tool.table_status = f"DIFFERS from {reference_label}: {first_difference(reference, rows)}"
    return reference


def timed_passes(tools, runs, scratch):
    for index in range(runs):
        # Each pass starts one tool further on, so that no tool always runs right after the same one (the libcsv
        # floor always followed pandas, whose 2.5 GB left the machine slower for the next run).
        shift = index % len(tools)
        for tool in tools[shift:] + tools[:shift]:
            if tool.failure:
                continue
            print(f"run {index + 1}/{runs}: {tool.label} ...", file=sys.stderr, flush=True)
            try:
                tool.runs.append(run_once(tool, scratch))
            except RuntimeError as error:
                tool.failure = f"failed in timed run {index + 1}: {error}"


# MARK: - Report


def median(values):
    return statistics.median(values) if values else float("nan")


def cell(text):
    """Text made safe for one markdown table cell: one line, no bare column separator."""
    return " ".join(str(text).split()).replace("|", "\\|")


def ratio(value, reference):
    return f"{value / reference:.2f}×" if reference else "-"


def results_table(tools, input_bytes, reference_label):
    """The markdown table: medians per tool and their ratio to the reference tool."""
    reference = next((tool for tool in tools if tool.label == reference_label and tool.runs), None)
    ref_wall = median([run[0] for run in reference.runs]) if reference else None
    ref_cpu = median([run[1] for run in reference.runs]) if reference else None
    ref_rss = median([run[2] for run in reference.runs]) if reference else None
    lines = [
        "| tool | wall s (median) | wall min–max | CPU s | MB/s | peak RSS MiB | wall ratio | CPU ratio "
        "| RSS ratio | table |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for tool in tools:
        if not tool.runs:
            lines.append(f"| {tool.label} | – | – | – | – | – | – | – | – | not run: {cell(tool.failure)} |")
            continue
        walls = [run[0] for run in tool.runs]
        wall, cpu, rss = median(walls), median([run[1] for run in tool.runs]), median([run[2] for run in tool.runs])
        speed = input_bytes / 1e6 / wall if wall > 0 else float("inf")
        lines.append(
            f"| {tool.label} | {wall:.2f} | {min(walls):.2f}–{max(walls):.2f} | {cpu:.2f} | {speed:.0f} "
            f"| {rss / 1024:.1f} | {ratio(wall, ref_wall)} | {ratio(cpu, ref_cpu)} | {ratio(rss, ref_rss)} "
            f"| {cell(tool.table_status if tool.failure is None else tool.failure)} |"
        )
    return "\n".join(lines)


def command_output(argv):
    try:
        return subprocess.run(argv, capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return ""


def peer_versions(python):
    script = (
        "import importlib.metadata as m, platform\n"
        "names = ['polars', 'duckdb', 'pandas', 'pyarrow', 'numpy', 'tzdata']\n"
        "print(', '.join(f'{n} {m.version(n)}' for n in names) + f', Python {platform.python_version()}')\n"
    )
    return command_output([python, "-c", script]) or "(venv not readable)"


def machine_line():
    model = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            model = next((line.split(":", 1)[1].strip() for line in handle if line.startswith("model name")), "")
    except OSError:
        pass
    return f"{os.cpu_count()} cores ({model or platform.machine()}), {platform.system()} {platform.release()}"


def load_average():
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def awareness_subcommands(awareness):
    """Subcommand names listed in `awareness --help` (ArgumentParser's SUBCOMMANDS section)."""
    names, inside = set(), False
    for line in command_output([awareness, "--help"]).splitlines():
        if line.strip().startswith("SUBCOMMANDS:"):
            inside = True
        elif inside and line.startswith("  ") and not line.startswith("   ") and line.strip():
            names.add(line.split()[0])
    return names


# MARK: - Modes


def ingest_benchmark(options):
    data = os.path.abspath(options.data)
    feeds = {feed: sorted(os.path.join(data, feed, name) for name in os.listdir(os.path.join(data, feed))
                          if name.endswith(".csv"))
             for feed in ("impressions", "clicks")}
    files = feeds["impressions"] + feeds["clicks"]
    input_bytes = sum(os.path.getsize(path) for path in files)
    os.makedirs(options.tables, exist_ok=True)

    def table(name):
        return os.path.join(options.tables, name)

    subcommands = awareness_subcommands(options.awareness)
    notes = []
    tools = []
    if "weekly" in subcommands:
        tools.append(Tool(WEEKLY_LABEL, [options.awareness, "weekly", "--data", data, "--format", "csv"],
                          table=table("awareness.csv"), stdout_path=table("awareness-weekly-raw.csv"),
                          normalise=normalise_awareness_weekly))
    else:
        notes.append("awareness weekly not available (this build has no `weekly` subcommand): "
                     "ratios are relative to `awareness validate (ingest only)`.")
        print("awareness weekly not available", file=sys.stderr)
    tools.append(Tool(VALIDATE_LABEL, [options.awareness, "validate", "--data", data]))
    for peer, label in PEERS.items():
        script = os.path.join(HERE, "peers", f"{peer}_weekly.py")
        tools.append(Tool(label, [options.python, script, data, table(f"{peer}.csv")], table=table(f"{peer}.csv")))
    tools.append(Tool(FLOOR_LABEL, [options.floor, *files]))
    reference_label = WEEKLY_LABEL if "weekly" in subcommands else VALIDATE_LABEL

    load_before = load_average()
    with tempfile.TemporaryDirectory() as scratch:
        check_pass(tools, scratch)
        timed_passes(tools, options.runs, scratch)
    load_after = load_average()

    mismatch = any(tool.table_status.startswith("DIFFERS") for tool in tools)
    lines = [
        f"### Ingest benchmark, {datetime.date.today().isoformat()}",
        "",
        f"Input: {shown(data)} — {len(files)} files, {input_bytes / 1e6:.0f} MB "
        f"({', '.join(f'{os.path.basename(p)} {os.path.getsize(p) / 1e6:.0f} MB' for p in files)}); "
        f"{options.runs} timed runs per tool, interleaved, after one untimed check run.",
        "",
        results_table(tools, input_bytes, reference_label),
        "",
        f"Ratios are relative to `{reference_label}`. CPU s = user + system; MB/s = input bytes / median wall.",
        f"Tables: {'identical in every tool that produced one' if not mismatch else 'MISMATCH (see table column)'}.",
        *notes,
        f"Peers: {peer_versions(options.python)}. libcsv {options.libcsv_version}; {options.swift_version}.",
        f"Machine: {machine_line()}; load average before {load_before}, after {load_after} (1/5/15 min).",
    ]
    emit("\n".join(lines), options)
    return 1 if mismatch or any(tool.failure for tool in tools) else 0


GZIP_PLAIN_LABEL = "awareness weekly, plain .csv"
GZIP_LABEL = "awareness weekly, .csv.gz"
ZCAT_LABEL = "zcat to a temp file, then awareness weekly"
GZIP_PEERS = {"polars": "polars (lazy, streaming), .csv.gz", "duckdb": "duckdb (read_csv), .csv.gz"}


def gzip_benchmark(options):
    """The gzip read rate: awareness on the plain files, on the same files gzip-compressed, on zcat's output, and
    Polars and DuckDB reading the .csv.gz; every tool's weekly table checked against the plain read's."""
    data = os.path.abspath(options.data)
    compressed = os.path.abspath(options.gzip_data)

    def files(folder, suffix):
        return [os.path.join(folder, feed, name) for feed in ("impressions", "clicks")
                for name in sorted(os.listdir(os.path.join(folder, feed))) if name.endswith(suffix)]

    plain_files, gzip_files = files(data, ".csv"), files(compressed, ".csv.gz")
    text_bytes = sum(os.path.getsize(path) for path in plain_files)
    gzip_bytes = sum(os.path.getsize(path) for path in gzip_files)
    os.makedirs(options.tables, exist_ok=True)

    def table(name):
        return os.path.join(options.tables, name)

    def weekly(label, folder, name, wrapper=None):
        argv = [options.awareness, "weekly", "--data", folder, "--format", "csv"]
        return Tool(label, wrapper(argv) if wrapper else argv, table=table(f"{name}.csv"),
                    stdout_path=table(f"{name}-raw.csv"), normalise=normalise_awareness_weekly)

    unpacked = tempfile.mkdtemp(prefix="awareness-zcat-")
    shutil.copy(os.path.join(compressed, "campaigns.yaml"), unpacked)
    commands = []
    for path in gzip_files:
        feed = os.path.basename(os.path.dirname(path))
        os.makedirs(os.path.join(unpacked, feed), exist_ok=True)
        target = os.path.join(unpacked, feed, os.path.basename(path)[: -len(".gz")])
        commands.append(f"zcat '{path}' > '{target}'")

    def through_zcat(argv):
        # awareness reads no standard input, and a named pipe has no size (the reader takes it for an empty file):
        # zcat writes each file to a temporary folder, then awareness reads it; both are timed, as one shell.
        return ["bash", "-c", " && ".join(commands + ["exec " + " ".join(f"'{part}'" for part in argv)])]

    tools = [
        weekly(GZIP_PLAIN_LABEL, data, "awareness-plain"),
        weekly(GZIP_LABEL, compressed, "awareness-gzip"),
        weekly(ZCAT_LABEL, unpacked, "awareness-zcat", wrapper=through_zcat),
    ]
    for peer, label in GZIP_PEERS.items():
        script = os.path.join(HERE, "peers", f"{peer}_weekly.py")
        tools.append(Tool(label, [options.python, script, compressed, table(f"{peer}-gzip.csv")],
                          table=table(f"{peer}-gzip.csv")))

    load_before = load_average()
    try:
        with tempfile.TemporaryDirectory() as scratch:
            check_pass(tools, scratch)
            timed_passes(tools, options.runs, scratch)
    finally:
        shutil.rmtree(unpacked, ignore_errors=True)
    load_after = load_average()

    reference = next((tool for tool in tools if tool.label == GZIP_PLAIN_LABEL and tool.runs), None)
    plain_wall = median([run[0] for run in reference.runs]) if reference else None
    rows = [
        "| tool | reads | wall s (median) | wall min–max | CPU s | text MB/s | peak RSS MiB | read rate vs plain "
        "| table |",
        "|---|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for tool in tools:
        reads = ".csv" if tool.label == GZIP_PLAIN_LABEL else ".csv.gz"
        if not tool.runs:
            rows.append(f"| {tool.label} | {reads} | – | – | – | – | – | – | not run: {cell(tool.failure)} |")
            continue
        walls = [run[0] for run in tool.runs]
        wall, cpu, rss = median(walls), median([run[1] for run in tool.runs]), median([run[2] for run in tool.runs])
        rate = f"{plain_wall / wall:.2f}×" if plain_wall and wall > 0 else "-"
        rows.append(
            f"| {tool.label} | {reads} | {wall:.2f} | {min(walls):.2f}–{max(walls):.2f} | {cpu:.2f} "
            f"| {text_bytes / 1e6 / wall:.0f} | {rss / 1024:.1f} | {rate} "
            f"| {cell(tool.table_status if tool.failure is None else tool.failure)} |"
        )
    mismatch = any(tool.table_status.startswith("DIFFERS") for tool in tools)
    lines = [
        f"### gzip benchmark, {datetime.date.today().isoformat()}",
        "",
        f"Input: {shown(data)} — {len(plain_files)} files, {text_bytes / 1e6:.0f} MB of text; compressed by `gzip -n` "
        f"(level 6) into {shown(compressed)}, {gzip_bytes / 1e6:.1f} MB; {options.runs} timed runs per tool, "
        "interleaved, after one untimed check run.",
        "",
        "\n".join(rows),
        "",
        "Read rate vs plain = the plain read's median wall / the tool's (1.00× reads the .csv.gz as fast as "
        "awareness reads the .csv); text MB/s = uncompressed bytes / median wall. The zcat row times `zcat` "
        "writing each file to a temporary folder, then awareness reading it (awareness reads no standard input).",
        f"Tables: {'identical in every tool that produced one' if not mismatch else 'MISMATCH (see table column)'}.",
        f"Peers: {peer_versions(options.python)}. libcsv {options.libcsv_version}; {options.swift_version}; "
        f"{command_output(['gzip', '--version']).splitlines()[0] if command_output(['gzip', '--version']) else 'gzip'}.",
        f"Machine: {machine_line()}; load average before {load_before}, after {load_after} (1/5/15 min).",
    ]
    emit("\n".join(lines), options)
    return 1 if mismatch or any(tool.failure for tool in tools) else 0


def emit(report, options):
    """Prints the report, and saves it where --save says."""
    print(report)
    if options.save:
        with open(options.save, "w", encoding="utf-8") as handle:
            handle.write(report + "\n")


def nightly_benchmark(options):
    data = os.path.abspath(options.data)
    subcommands = awareness_subcommands(options.awareness)
    out = tempfile.mkdtemp(prefix="awareness-nightly-")
    notes = []
    if "run" in subcommands:
        tool = Tool("awareness run", [options.awareness, "run", "--data", data, "--out", os.path.join(out, "reports"),
                                      "--notebooks", os.path.join(out, "notebooks")])
    else:
        notes.append("awareness run not available (this build has no `run` subcommand): timed "
                     "`awareness validate` on the same folder instead.")
        tool = Tool("awareness validate (ingest only, stands in for run)", [options.awareness, "validate", "--data", data])
    input_bytes = sum(os.path.getsize(os.path.join(root, name))
                      for root, _, names in os.walk(data) for name in names)
    load_before = load_average()
    with tempfile.TemporaryDirectory() as scratch:
        check_pass([tool], scratch)
        timed_passes([tool], options.runs, scratch)
    shutil.rmtree(out, ignore_errors=True)
    lines = [
        f"### Nightly run on {options.data}, {datetime.date.today().isoformat()}",
        "",
        results_table([tool], input_bytes, tool.label),
        "",
        f"Input: every file under {shown(options.data)}, {input_bytes / 1e6:.2f} MB; median of {options.runs} runs; "
        f"target: under 1 s wall in release.",
        *notes,
        f"Machine: {machine_line()}; load average before {load_before}, after {load_average()} (1/5/15 min).",
    ]
    emit("\n".join(lines), options)
    return 1 if tool.failure else 0


def shown(path):
    """The path as the table prints it: relative to the repository, so no machine's folders end up in the README."""
    root = os.path.dirname(HERE)
    absolute = os.path.abspath(path)
    return os.path.relpath(absolute, root) if absolute.startswith(root + os.sep) else os.path.basename(absolute)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="the data folder (impressions/, clicks/)")
    parser.add_argument("--awareness", required=True, help="the release awareness binary")
    parser.add_argument("--python", help="the venv's Python, which has the peers")
    parser.add_argument("--floor", help="the compiled libcsv floor program")
    parser.add_argument("--tables", help="folder for the comparison tables")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per tool (at least 5 for the README)")
    parser.add_argument("--nightly", action="store_true", help="time the nightly run on --data instead")
    parser.add_argument("--gzip-data", help="the same folder with its feed files gzip-compressed: time the gzip read")
    parser.add_argument("--save", help="also write the report to this file")
    parser.add_argument("--libcsv-version", default="(unknown)")
    parser.add_argument("--swift-version", default="Swift (unknown)")
    options = parser.parse_args()
    if options.runs < 1:
        parser.error("--runs must be at least 1")
    if not options.nightly and not options.gzip_data and not (options.python and options.floor and options.tables):
        parser.error("the ingest benchmark needs --python, --floor and --tables")
    if options.gzip_data and not (options.python and options.tables):
        parser.error("the gzip benchmark needs --python and --tables")
    if options.nightly:
        sys.exit(nightly_benchmark(options))
    sys.exit(gzip_benchmark(options) if options.gzip_data else ingest_benchmark(options))


if __name__ == "__main__":
    main()

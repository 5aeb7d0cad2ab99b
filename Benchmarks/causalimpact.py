#!/usr/bin/env python3
"""awareness against CausalImpact on the series of the calibration table (issue 25, item 9).

Called by Benchmarks/causalimpact, which runs the calibration table with AWARENESS_CALIBRATION_EXPORT first and
installs bsts-causalimpact (a port of Google's CausalImpact with its Gibbs sampler) into its own venv. Reads
the export's manifest.csv (one row per series, with awareness's result) and fits CausalImpact to each series:
weekly seasonality on (nseasons=7), every other option at the package's default (local level, 1,000
iterations with 500 of burn-in, seed 0, alpha 0.05, data standardised).

The pre-period is every day before the campaign except the spans awareness leaves out of its own fit (other
campaigns' windows and carry-over, the manifest's `excluded` column). CausalImpact takes no missing response
in its pre-period, so each such span is cut out of the series, lengthened to whole weeks so that the weekly
seasonal state keeps its phase; the local level then carries across the cut. The post-period is the
campaign's window. The relative effect and its interval (the posterior of the average effect over the average
prediction) are set against the injected uplift.

Prints one markdown table: per setting and tool, coverage of the injected uplift (with its binomial standard
error), null campaigns called significant, the median width of the uplift interval, the mean absolute error
of the uplift estimate (on the series with the effect), and seconds per series. awareness's seconds are those
of its whole pipeline for the campaign (model, placebos, comparisons, headline), measured in the same run.

With --cache FILE, each CausalImpact result (uplift, interval and the seconds its fit took) is kept in FILE
under the SHA-256 of the series' bytes, the campaign's start and the excluded spans, and reused when the same
series comes again: the simulated series do not depend on awareness's model and CausalImpact is seeded, so a
re-run after a change to the model fits only awareness again. The seconds reported for a cached result are
those of the fit that produced it.
"""

import argparse
import csv
import datetime
import hashlib
import json
import math
import os
import statistics
import sys
import time
import warnings

import numpy as np
import pandas as pd
from causal_impact import CausalImpact

NSEASONS = 7


def read_series(path):
    """The calls of one exported series, as a list of (date, calls) in date order."""
    with open(path, newline="") as handle:
        reader = csv.DictReader(handle)
        return [(datetime.date.fromisoformat(row["date"]), float(row["calls"])) for row in reader]


def excluded_spans(text):
    """The manifest's `excluded` field as (start, end) date pairs."""
    spans = []
    for part in filter(None, text.split(";")):
        start, end = part.split("/")
        spans.append((datetime.date.fromisoformat(start), datetime.date.fromisoformat(end)))
    return spans


def causalimpact_uplift(days, campaign_start, spans):
    """Fits CausalImpact to `days` and returns (uplift, low, high, seconds) for the days from campaign_start.

    Days inside `spans` (each lengthened to a whole number of weeks) and before the campaign are dropped.
    """
    dropped = set()
    for start, end in spans:
        length = (end - start).days + 1
        length += (-length) % NSEASONS
        for offset in range(length):
            day = start + datetime.timedelta(days=offset)
            if day < campaign_start:
                dropped.add(day)
    kept = [(day, calls) for day, calls in days if day not in dropped]
    pre = sum(1 for day, _ in kept if day < campaign_start)
    values = np.array([calls for _, calls in kept], dtype=float)
    began = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        impact = CausalImpact(
            pd.DataFrame({"calls": values}), [0, pre - 1], [pre, len(values) - 1], model_args={"nseasons": NSEASONS}
        )
    seconds = time.perf_counter() - began
    # summary_stats leaves the relative effect's interval out; summary() prints it rounded to 0.01 points.
    results = impact._results
    return results.relative_effect_mean, results.relative_effect_lower, results.relative_effect_upper, seconds


class Tally:
    """One tool's figures on one setting."""

    def __init__(self):
        self.covered = []
        self.null_significant = []
        self.widths = []
        self.errors = []
        self.seconds = []

    def add(self, case, truth, uplift, low, high, seconds):
        self.seconds.append(seconds)
        if any(value is None or not math.isfinite(value) for value in (uplift, low, high)):
            return
        if case == "effect":
            self.covered.append(low <= truth <= high)
            self.widths.append(high - low)
            self.errors.append(abs(uplift - truth))
        else:
            self.null_significant.append(not (low <= 0 <= high))

    @staticmethod
    def rate(flags):
        if not flags:
            return "—"
        share = sum(flags) / len(flags)
        error = math.sqrt(share * (1 - share) / len(flags))
        return f"{100 * share:.1f}% ± {100 * error:.1f}"

    def row(self, setting, tool):
        width = f"{statistics.median(self.widths):.3f}" if self.widths else "—"
        error = f"{100 * statistics.fmean(self.errors):.1f} pts" if self.errors else "—"
        seconds = f"{statistics.median(self.seconds):.3f}" if self.seconds else "—"
        return (
            f"| {setting} | {tool} | {len(self.covered)} | {self.rate(self.covered)} | "
            f"{self.rate(self.null_significant)} | {width} | {error} | {seconds} |"
        )


def number(text):
    return float(text) if text else None


def write_cache(path, cache):
    """Writes the cache of CausalImpact results atomically (a run stopped halfway keeps what it fitted)."""
    with open(path + ".tmp", "w") as handle:
        json.dump(cache, handle)
    os.replace(path + ".tmp", path)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--export", required=True, help="the folder AWARENESS_CALIBRATION_EXPORT wrote")
    parser.add_argument("--save", help="also write the table to this file")
    parser.add_argument("--cache", help="a JSON file of CausalImpact results to reuse and extend")
    arguments = parser.parse_args()
    cache = {}
    if arguments.cache and os.path.exists(arguments.cache):
        with open(arguments.cache) as handle:
            cache = json.load(handle)

    with open(os.path.join(arguments.export, "manifest.csv"), newline="") as handle:
        rows = list(csv.DictReader(handle))
    settings = list(dict.fromkeys(row["setting"] for row in rows))
    tallies = {(setting, tool): Tally() for setting in settings for tool in ("awareness", "CausalImpact")}
    for done, row in enumerate(rows, 1):
        truth = float(row["truth"])
        case = row["case"]
        tallies[(row["setting"], "awareness")].add(
            case,
            truth,
            number(row["model_uplift"]),
            number(row["model_low"]),
            number(row["model_high"]),
            float(row["seconds"]),
        )
        path = os.path.join(arguments.export, row["file"])
        with open(path, "rb") as handle:
            digest = hashlib.sha256(handle.read())
        digest.update(f"|{row['campaign_start']}|{row['excluded']}".encode())
        key = digest.hexdigest()
        if key not in cache:
            days = read_series(path)
            start = datetime.date.fromisoformat(row["campaign_start"])
            cache[key] = list(causalimpact_uplift(days, start, excluded_spans(row["excluded"])))
            if arguments.cache and done % 20 == 0:
                write_cache(arguments.cache, cache)
        uplift, low, high, seconds = cache[key]
        tallies[(row["setting"], "CausalImpact")].add(case, truth, uplift, low, high, seconds)
        if done % 100 == 0:
            print(f"{done} of {len(rows)} series", file=sys.stderr)

    lines = [
        "| setting | tool | series with the effect | coverage | null significant | median width "
        "| mean abs error | seconds per series |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for setting in settings:
        for tool in ("awareness", "CausalImpact"):
            lines.append(tallies[(setting, tool)].row(setting, tool))
    if arguments.cache:
        write_cache(arguments.cache, cache)
    table = "\n".join(lines)
    print(table)
    if arguments.save:
        with open(arguments.save, "w") as handle:
            handle.write(table + "\n")


if __name__ == "__main__":
    main()

import Ingest

/// The text of `Data/README.md`: what the data is, how to regenerate it, and the calibration table.
struct SampleDataReadme {
    let seed: UInt64
    let figures: CalibrationFigures
    let truth: GroundTruth
    let sample: HelplineSample

    var text: String {
        var text = """
            # Sample data (synthetic)

            Everything in this folder is **synthetic**. No daily helpline series for these campaigns is open data
            and the platform never published banner or hashtag counts, so the files are drawn by a seeded generator
            calibrated to the figures that were published (`shared/reference/published-figures.md`). They are for
            trying the pipeline and testing estimators, not for conclusions about the real campaigns.

            - Seed: **\(seed)**
            - Regenerate (byte-identical for the same seed): `swift run awareness sample-data --seed \(seed) --out Data --force`
            - Run the pipeline on it: `bash scripts/run-sample` (the README's run command reads `Data/`).
            - Event-level files for benchmarks (not kept here): `awareness sample-data --events 14000000 --out /tmp/ev`

            ## Files

            | file | content |
            |---|---|
            | `campaigns.yaml` | the four campaigns and the two lockdowns (`context`, the first fading over 14 days: `ends_over: 14`), Europe/Paris, fr, FR holidays |
            | `helpline_calls/helpline_calls_2019.csv`, `_2020.csv` | `date,helpline,calls,answered`, daily, 119, 3020 and 3919 |
            | `impressions/impressions_2020.csv` | `date,campaign,banner,placement,region,impressions`, daily, 13 regions |
            | `clicks/clicks_2020.csv` | `date,campaign,banner,placement,region,clicks`, same keys |
            | `hashtag_videos/hashtag_videos_2020.csv` | `date,hashtag,videos,views`, daily; `#NonAuHarcelement` and `#NonAuHarcèlement` are separate rows the pipeline merges |
            | `ground-truth.csv` | the injected uplift of every campaign on every series (below) |

            ## How the data is drawn

            - **Calls**: negative binomial around a daily mean (gamma–Poisson mixture; variance 3× the mean for 119,
              2.5× for 3919, 2.2× for 3020), with a day-of-week pattern (weekends lower), French public holidays
              lower, the school calendar (below), the two lockdowns and the campaign effects. `answered` is
              binomial on `calls` and falls when the lines are saturated.
            - **School calendar** (the Ministry of Education's dates for zones A, B and C, those the model knows):
              each zone on holiday lowers the day by a third of the holiday's fall, so the staggered winter and
              spring holidays dip a national line by a third in each of their three weeks; each zone in the 14
              days after its summer holidays (the rentrée) raises it by a third of the rise. 3020, the
              school-harassment line, follows it strongly (summer −35%, Christmas −25%, the other holidays −15%,
              rentrée +15%); 119 mildly (−12%, −10%, −5%, +5%), its level scaled so that its normal weeks of
              2019 still average 700 calls a day; 3919 and 116006 not at all.
            - **End of the first lockdown**: calls did not snap back when it was lifted on Monday 11 May 2020.
              On every helpline (and on the hashtags) its effect on its last day, 10 May, fades linearly to
              nothing over the next 14 days, and `campaigns.yaml` declares that return (`ends_over: 14`).
            - **119, first lockdown**: a ramp (week 2 +15% and week 3 +53% on week 1, a peak held over 13–19 April,
              then a decline to 10 May, then the return above) whose three heights are solved so the means meet
              the published ratios.
              The realised counts of 2020 are then rescaled so that the ratios hold in the counts as well: 13–19
              April by ×\(DecimalText.fixed(sample.peakWeekRescale, places: 4)), the other days of 18 March–10 May
              by ×\(DecimalText.fixed(sample.windowRescale, places: 4)).
            - **3919 launch** (Tue 3 Sep 2019): a spike of about 6.2× a normal Tuesday (held within 4–7×, a
              little below the published 1,661 calls) decaying over two weeks, plus a slower step (the Grenelle
              stayed in the news) that keeps October about 75% above normal. The 638 calls of Monday 2
              September, before the launch, are not reproduced: that day is a normal Monday.
            - **3020**: scaled so that 1 Sep 2019–31 Aug 2020 totals about 77,500 calls with the first lockdown
              (schools closed, calls ×0.45) included; the second lockdown kept schools open (×0.95).
            - **Banners**: impressions from four weeks before each banner campaign to four weeks after (a 1% pilot
              before, none on Discover; the 119 search banner stays up afterwards), CTR about 2% on search, 0.5% on
              Discover, 5% on hashtag pages.
            - **Hashtags**: videos negative binomial around a growing base (the platform grew in 2020), higher in the
              first lockdown, with the campaign effects; views are videos × views per video.
            - 119's normal level follows the AFP's "≈ 700 calls a day"; the ministry's 2019 totals imply a higher
              level (about 1,100 a day), so only the published *ratios* are matched, not those totals.

            ## Published figures and the sample data

            | figure | published | sample data |
            |---|---|---|

            """
        for figure in figures.figures {
            text += "| \(figure.figure) | \(figure.published) | \(figure.sample) |\n"
        }
        text += """

            ## Ground truth (`ground-truth.csv`)

            For each campaign and series, the uplift the generator injected over the campaign window (both ends
            inclusive), from its own means: `uplift = expected_with / expected_without − 1`, where
            `expected_without` is the expected total over the window with that campaign's effect removed and every
            other effect (lockdowns, other campaigns) kept. Series are named as in the reports (`calls:119`,
            `videos:nonauharcelement`, `views:nonauharcelement`). Effects do not stop on the last day of the window,
            so the weeks after a campaign are not a clean baseline; the 119 lockdown ramp is not a step, which a
            model with a lockdown step cannot capture exactly (the `banner-119` models follow it through their
            control, 116006, which shares it).

            | campaign | series | window | expected without | expected with | uplift |
            |---|---|---|---|---|---|

            """
        for entry in truth.entries {
            text +=
                "| \(entry.campaign) | \(entry.series) | \(entry.window.start)–\(entry.window.end) | "
                + "\(DecimalText.fixed(entry.expectedWithout, places: 0)) | "
                + "\(DecimalText.fixed(entry.expectedWith, places: 0)) | \(DecimalText.percent(entry.uplift)) |\n"
        }
        return text
    }
}

/// Markdown reports, charts, notebooks and tidy exports (see DESIGN §5). Filled in by the reports work.
public enum ReportingModule {}

/// The seeded generator of the sample data set (filled in by the sample-data work).
public enum SampleDataModule {}

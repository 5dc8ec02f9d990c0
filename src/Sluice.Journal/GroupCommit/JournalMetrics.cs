using System.Diagnostics.Metrics;

namespace Sluice.Journal.GroupCommit;

/// <summary>Instruments of the journal's write path (exported by the host's metrics endpoint).</summary>
public static class JournalMetrics
{
    public const string MeterName = "Sluice.Journal";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Histogram<int> CommitBatchSize = Meter.CreateHistogram<int>(
        "sluice.journal.commit.batch_size", "{message}", "Messages committed per transaction.",
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2000, 4000] });

    public static readonly Histogram<double> CommitDuration = Meter.CreateHistogram<double>(
        "sluice.journal.commit.duration", "s", "Time to commit one batch, fsync included.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });

    public static readonly Counter<long> Committed = Meter.CreateCounter<long>(
        "sluice.journal.committed", "{message}", "Messages committed.");

    public static readonly Counter<long> Refused = Meter.CreateCounter<long>(
        "sluice.journal.refused", "{message}", "Messages refused with 503 (queue full or journal failing).");

    internal static void RecordCommit(int count, TimeSpan elapsed)
    {
        CommitBatchSize.Record(count);
        CommitDuration.Record(elapsed.TotalSeconds);
        Committed.Add(count);
    }
}

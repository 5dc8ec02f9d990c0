using System.Diagnostics.Metrics;
using Sluice.Journal.GroupCommit;

namespace Sluice.Observability;

/// <summary>Messages committed by this node since it started, taken from the journal's own counter.</summary>
public sealed class IntakeCounter : IDisposable
{
    private const string CommittedName = "sluice.journal.committed";

    private readonly MeterListener _listener = new();
    private long _total;

    public IntakeCounter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // By name: the instrument may be published while JournalMetrics is still being initialised.
            if (instrument.Meter.Name == JournalMetrics.MeterName && instrument.Name == CommittedName)
            {
                listener.EnableMeasurementEvents(instrument, this);
            }
        };
        _listener.SetMeasurementEventCallback<long>(static (_, value, _, state) =>
            Interlocked.Add(ref ((IntakeCounter)state!)._total, value));
        _listener.Start();
    }

    public long Total => Interlocked.Read(ref _total);

    public void Dispose() => _listener.Dispose();
}

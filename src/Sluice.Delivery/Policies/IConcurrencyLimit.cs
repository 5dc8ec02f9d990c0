namespace Sluice.Delivery.Policies;

/// <summary>How many sends a destination may have in flight; an adaptive limit learns it from each send.</summary>
public interface IConcurrencyLimit
{
    int Current { get; }

    /// <param name="latency">How long the send took.</param>
    /// <param name="overloaded">The destination refused or timed out (503, 429, timeout).</param>
    /// <param name="inFlight">Sends in flight when this one started.</param>
    void OnSample(TimeSpan latency, bool overloaded, int inFlight);
}

/// <summary>A limit that never moves.</summary>
public sealed class FixedConcurrencyLimit(int limit) : IConcurrencyLimit
{
    public int Current { get; } = limit;

    public void OnSample(TimeSpan latency, bool overloaded, int inFlight)
    {
    }
}

using Sluice.Operations;

namespace Sluice.Observability.Dashboard;

/// <summary>One update of the dashboard: rates are per second since the previous update on the same stream.</summary>
/// <param name="Node">Which node answered: the live state (sending now, circuit, limit) is this node's; counts are all nodes'.</param>
public sealed record DashboardSnapshot(
    DateTimeOffset At,
    string Node,
    long IntakeTotal,
    double IntakeRate,
    IReadOnlyList<DashboardDestination> Destinations,
    IReadOnlyList<DeadLetterView> DeadLetters,
    IReadOnlyList<RecentError> Errors)
{
    /// <summary>The legacy system's latest answers recorded on this node, newest first.</summary>
    public IReadOnlyList<RecentReply> Replies { get; init; } = [];
}

public sealed record DashboardDestination(
    string Name,
    long Backlog,
    long InFlight,
    long Delivered,
    long Retrying,
    long Dead,
    double DeliveryRate,
    int ConcurrencyLimit,
    string Circuit,
    bool Paused)
{
    /// <summary>Sends under way from this node now.</summary>
    public int SendingNow { get; init; }

    /// <summary>The circuit is open: nothing is sent until then (the destination failed too often).</summary>
    public DateTimeOffset? CircuitOpenUntil { get; init; }

    /// <summary>The destination asked for a pause (Retry-After) until then.</summary>
    public DateTimeOffset? HeldUntil { get; init; }

    /// <summary>Its schedule is closed until then.</summary>
    public DateTimeOffset? ClosedUntil { get; init; }
}

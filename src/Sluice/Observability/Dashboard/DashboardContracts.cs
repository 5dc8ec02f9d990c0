using Sluice.Operations;

namespace Sluice.Observability.Dashboard;

/// <summary>One update of the dashboard: rates are per second since the previous update on the same stream.</summary>
public sealed record DashboardSnapshot(
    DateTimeOffset At,
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
    bool Paused);

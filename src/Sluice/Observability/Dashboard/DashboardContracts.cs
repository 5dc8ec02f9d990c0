using Sluice.Journal;
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
    IReadOnlyList<DashboardDeadLetter> DeadLetters,
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

    /// <summary>Median time the destination took to answer over the last minute (this node's sends); null: none answered.</summary>
    public double? LatencyP50Ms { get; init; }

    /// <summary>99th percentile of the same.</summary>
    public double? LatencyP99Ms { get; init; }

    /// <summary>When the oldest message still waiting for this destination arrived (all nodes); null: nothing waits.</summary>
    public DateTimeOffset? OldestWaitingAt { get; init; }

    /// <summary>Seconds until the backlog is empty at the pace of the last half minute; null: empty, or nothing delivered lately.</summary>
    public double? DrainSeconds { get; init; }

    /// <summary>The nodes sending to this destination now (they hold its leases); empty when nothing is in flight.</summary>
    public IReadOnlyList<string> SendingNodes { get; init; } = [];
}

/// <summary>A dead letter as the dashboard shows it: as the API lists it, with what it was about and a readable line for why it failed.</summary>
public sealed record DashboardDeadLetter : DeadLetter
{
    public DashboardDeadLetter(DeadLetter letter)
        : base(letter)
    {
    }

    /// <summary>The employee, order or route the message was about, when known.</summary>
    public DeadLetterSubject? Subject { get; init; }

    /// <summary>The last error in one line: status and the sentence the destination gave (the full error is <see cref="LastError"/>).</summary>
    public string? ErrorSummary { get; init; }
}

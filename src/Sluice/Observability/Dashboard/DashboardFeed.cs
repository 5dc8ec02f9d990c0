using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using Sluice.Delivery.Engine;
using Sluice.Journal;
using Sluice.Operations;

namespace Sluice.Observability.Dashboard;

/// <summary>Builds the dashboard's snapshots: journal counts (cached, all nodes) with this node's live state and errors.</summary>
public sealed class DashboardFeed(
    JournalSnapshotCache cache,
    DeliveryEngine engine,
    IntakeCounter intake,
    RecentErrors errors,
    RecentReplies replies,
    DeadLetterSubjects subjects,
    TimeProvider time,
    IOptions<ObservabilityOptions> options,
    IOptions<DeliveryOptions> delivery)
{
    public const int ErrorCount = 20;

    private readonly string _node = delivery.Value.NodeId ?? Environment.MachineName;

    /// <summary>A snapshot now and then one per interval until the client leaves or the server stops.</summary>
    public async IAsyncEnumerable<DashboardSnapshot> StreamAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.Value.DashboardInterval, time);
        DashboardSnapshot? previous = null;
        var pace = new DeliveryPace();
        do
        {
            var next = await SnapshotAsync(previous, cancellationToken, pace);
            yield return next;
            previous = next;
        }
        while (await Tick(timer, cancellationToken));
    }

    public async Task<DashboardSnapshot> SnapshotAsync(DashboardSnapshot? previous, CancellationToken cancellationToken, DeliveryPace? pace = null)
    {
        var journal = await cache.GetAsync(cancellationToken);
        var now = time.GetUtcNow();
        var seconds = previous is null ? 0 : (now - previous.At).TotalSeconds;
        var paces = (pace ?? new DeliveryPace()).Add(now, journal.Stats.ToDictionary(s => s.Destination, s => s.Delivered, StringComparer.OrdinalIgnoreCase));
        var described = await subjects.DescribeAsync(journal.DeadLetters, cancellationToken);
        var live = engine.Status().ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);
        var destinations = journal.Stats
            .Select(s => (s.Destination, Stats: (DestinationStats?)s, Live: live.GetValueOrDefault(s.Destination)))
            .Concat(live.Values.Where(l => journal.Stats.All(s => !s.Destination.Equals(l.Name, StringComparison.OrdinalIgnoreCase)))
                .Select(l => (Destination: l.Name, Stats: (DestinationStats?)null, Live: (DestinationStatus?)l)))
            .OrderBy(d => d.Destination, StringComparer.OrdinalIgnoreCase)
            .Select(d =>
            {
                var delivered = d.Stats?.Delivered ?? 0;
                var backlog = d.Stats?.Backlog ?? 0;
                var before = previous?.Destinations.FirstOrDefault(p => p.Name == d.Destination)?.Delivered;
                var perSecond = paces.GetValueOrDefault(d.Destination);
                return new DashboardDestination(
                    d.Destination,
                    d.Stats?.Backlog ?? 0,
                    d.Stats?.InFlight ?? 0,
                    delivered,
                    d.Stats?.Retrying ?? 0,
                    d.Stats?.Dead ?? 0,
                    Rate(before, delivered, seconds),
                    d.Live?.ConcurrencyLimit ?? 0,
                    d.Live?.Circuit ?? "none",
                    d.Live?.Paused ?? false)
                {
                    SendingNow = d.Live?.InFlight ?? 0,
                    CircuitOpenUntil = d.Live?.CircuitOpenUntil,
                    HeldUntil = d.Live?.HeldUntil,
                    ClosedUntil = d.Live?.ClosedUntil,
                    LatencyP50Ms = Milliseconds(d.Live?.Latency?.P50),
                    LatencyP99Ms = Milliseconds(d.Live?.Latency?.P99),
                    OldestWaitingAt = d.Stats?.OldestWaitingAt,
                    DrainSeconds = backlog > 0 && perSecond > 0 ? Math.Round(backlog / perSecond) : null,
                    SendingNodes = NodesOf(d.Stats?.LeaseOwners ?? [], d.Destination),
                };
            })
            .ToList();
        var total = intake.Total;
        return new DashboardSnapshot(
            now,
            _node,
            total,
            Rate(previous?.IntakeTotal, total, seconds),
            destinations,
            journal.DeadLetters.Select(l => new DashboardDeadLetter(l)
            {
                Subject = described.GetValueOrDefault(l.MessageId),
                ErrorSummary = ErrorSummary.Of(l.LastError),
            }).ToList(),
            errors.Latest(ErrorCount))
        {
            Replies = replies.Latest(),
        };
    }

    // Retention deletes delivered messages, so a count can fall: a rate is never negative.
    private static double Rate(long? before, long now, double seconds) =>
        before is { } b && seconds > 0 ? Math.Round(Math.Max(0, now - b) / seconds, 1) : 0;

    private static double? Milliseconds(TimeSpan? value) => value is { } v ? Math.Round(v.TotalMilliseconds, 1) : null;

    /// <summary>The nodes in lease owners ("node/destination"), each once.</summary>
    private static List<string> NodesOf(IReadOnlyList<string> owners, string destination) => owners
        .Select(o => o.EndsWith("/" + destination, StringComparison.OrdinalIgnoreCase) ? o[..^(destination.Length + 1)] : o)
        .Distinct(StringComparer.Ordinal)
        .ToList();

    private static async ValueTask<bool> Tick(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

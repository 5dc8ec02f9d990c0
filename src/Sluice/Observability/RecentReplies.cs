using System.Collections.Concurrent;
using Sluice.Delivery.Engine;

namespace Sluice.Observability;

/// <summary>One answer the legacy system gave, as the dashboard lists it: its status and size, not its content.</summary>
public sealed record RecentReply(DateTimeOffset At, Guid MessageId, string Destination, int Status, int Bytes, bool Truncated);

/// <summary>The last ten answers this node recorded, in memory, so an operator sees what the legacy system is saying.</summary>
/// <remarks>A hosted service only to listen from the start, not from the first dashboard view.</remarks>
public sealed class RecentReplies(FinishedDeliveries finished) : IHostedService
{
    public const int Capacity = 10;

    private readonly ConcurrentQueue<RecentReply> _entries = new();

    public IReadOnlyList<RecentReply> Latest() => _entries.Reverse().ToList();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        finished.Answered += Add;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        finished.Answered -= Add;
        return Task.CompletedTask;
    }

    private void Add(Journal.DeliveryOutcome outcome)
    {
        var reply = outcome.Reply!;
        _entries.Enqueue(new RecentReply(outcome.At, outcome.MessageId, outcome.Destination, reply.Status, reply.Body.Length, reply.Truncated));
        while (_entries.Count > Capacity && _entries.TryDequeue(out _))
        {
        }
    }
}

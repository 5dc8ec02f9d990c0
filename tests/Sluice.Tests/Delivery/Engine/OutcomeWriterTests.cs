using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Sluice.Delivery.Engine;
using Sluice.Journal;

namespace Sluice.Tests.Delivery.Engine;

public sealed class OutcomeWriterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Writes_delivered_retry_and_dead_letter_back_to_the_journal_and_releases_without_an_attempt()
    {
        await using var store = await SqliteDeliveryJournal.WithMessagesAsync(4, _time.GetUtcNow());
        var now = _time.GetUtcNow();
        var leases = await store.Journal.LeaseAsync(new LeaseRequest("legacy", 4, "node/legacy", now, TimeSpan.FromMinutes(1)), CancellationToken.None);
        var recorder = new OutcomeRecorder(
            store.Journal, Options.Create(new DeliveryOptions()), _time, new FinishedDeliveries(), [], NullLogger<OutcomeRecorder>.Instance);
        var recorded = new TaskCompletionSource();
        recorder.Recorded += _ => recorded.TrySetResult();
        var writer = new OutcomeWriter("legacy", recorder, NullLogger.Instance);

        writer.Record(leases.Take(3).ToList(),
        [
            DeliveryOutcome.Delivered(leases[0], now),
            DeliveryOutcome.Retry(leases[1], now, now.AddMinutes(5), "HTTP 503"),
            DeliveryOutcome.DeadLetter(leases[2], now, "HTTP 422"),
        ]);
        writer.Release([leases[3]], now, "Not sent: shutting down.");
        await recorder.StartAsync(CancellationToken.None);
        await recorded.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await recorder.StopAsync(CancellationToken.None);

        var stats = Assert.Single(await store.Journal.GetStatsAsync(CancellationToken.None));
        // Pending counts the retry as well as the released message.
        Assert.Equal((1, 1, 1, 2), (stats.Delivered, stats.Retrying, stats.Dead, stats.Pending));
        var released = await store.Journal.LeaseAsync(new LeaseRequest("legacy", 4, "node/legacy", now, TimeSpan.FromMinutes(1)), CancellationToken.None);
        Assert.Equal(leases[3].Attempt, Assert.Single(released).Attempt);
    }
}

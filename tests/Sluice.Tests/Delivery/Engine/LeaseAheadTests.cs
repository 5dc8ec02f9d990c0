using Microsoft.Extensions.Time.Testing;
using Sluice.Delivery.Engine;
using Sluice.Journal;

namespace Sluice.Tests.Delivery.Engine;

public sealed class LeaseAheadTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));

    private static LeaseAhead Ahead(IJournal journal, int batchSize = 1, int leaseBatchSize = 100) =>
        new(journal, "legacy", "node/legacy", batchSize, new DeliveryOptions { LeaseBatchSize = leaseBatchSize, LeaseDuration = TimeSpan.FromSeconds(30) });

    [Fact]
    public async Task Leases_the_requests_asked_for_times_the_batch_size_up_to_the_lease_batch()
    {
        await using var store = await SqliteDeliveryJournal.WithMessagesAsync(50, _time.GetUtcNow());
        var ahead = Ahead(store.Journal, batchSize: 5, leaseBatchSize: 12);

        Assert.True(await ahead.LeaseAsync(requests: 4, _time.GetUtcNow(), CancellationToken.None));

        Assert.Equal(12, ahead.TakeAll().Count);
        Assert.True(ahead.IsEmpty);
    }

    [Fact]
    public async Task Hands_out_one_batch_a_request_and_says_when_nothing_is_due()
    {
        await using var store = await SqliteDeliveryJournal.WithMessagesAsync(7, _time.GetUtcNow());
        var ahead = Ahead(store.Journal, batchSize: 5);
        await ahead.LeaseAsync(requests: 2, _time.GetUtcNow(), CancellationToken.None);

        Assert.True(ahead.TryTakeRequest(_time.GetUtcNow(), out var first));
        Assert.True(ahead.TryTakeRequest(_time.GetUtcNow(), out var second));
        Assert.False(ahead.TryTakeRequest(_time.GetUtcNow(), out _));

        Assert.Equal((5, 2), (first.Length, second.Length));
        Assert.False(await ahead.LeaseAsync(requests: 2, _time.GetUtcNow(), CancellationToken.None));
        Assert.Equal(TimeSpan.FromSeconds(1), await ahead.UntilNextDueAsync(_time, CancellationToken.None));
    }

    [Fact]
    public async Task A_lease_that_ran_out_while_waiting_is_not_handed_out()
    {
        await using var store = await SqliteDeliveryJournal.WithMessagesAsync(1, _time.GetUtcNow());
        var ahead = Ahead(store.Journal);
        await ahead.LeaseAsync(requests: 1, _time.GetUtcNow(), CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(30));

        Assert.False(ahead.TryTakeRequest(_time.GetUtcNow(), out _));
        Assert.True(ahead.IsEmpty);
    }
}

using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Sluice.Hosting;
using Sluice.Journal;
using Sluice.Journal.Modules;
using Sluice.Journal.Relational;
using Sluice.Orders;
using Sluice.Orders.Populate;
using Sluice.Orders.Storage;
using Sluice.Testing;

namespace Sluice.Tests.Orders;

/// <summary>
/// The orders table on each journal engine: numbering in the append transaction, populate, and every query's
/// edges and plan. Each engine's class only says how to open a journal with the orders module.
/// </summary>
public abstract class OrderStorageTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private IJournal _journal = null!;

    private OrderStore Store => new((IJournalDatabase)_journal);

    protected abstract Task<IJournal> OpenAsync(IJournalModule module);

    public async Task InitializeAsync() => _journal = await OpenAsync(new OrdersModule());

    public virtual async Task DisposeAsync()
    {
        if (_journal is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }

    [Fact]
    public async Task Orders_are_numbered_densely_in_commit_order_and_the_stored_payload_carries_the_number()
    {
        var first = await _journal.AppendAsync([Order("a"), Order("b"), Order("c")], CancellationToken.None);
        var second = await _journal.AppendAsync([Order("d"), Order("e")], CancellationToken.None);

        var ids = new List<long>();
        foreach (var result in first.Concat(second))
        {
            var row = await Store.GetByMessageAsync(result.MessageId, CancellationToken.None);
            ids.Add(row!.Id);
            var stored = await _journal.GetMessageAsync(result.MessageId, CancellationToken.None);
            Assert.Equal(row.Id, JsonSerializer.Deserialize(stored!.Payload.Span, OrdersJsonContext.Default.OrderMessage)!.Id);
        }

        Assert.Equal([1L, 2, 3, 4, 5], ids);
        Assert.Equal(5, await Store.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_batch_that_rolls_back_gives_its_numbers_back()
    {
        await _journal.AppendAsync([Order("a")], CancellationToken.None);
        var broken = Order("b") with { Payload = "not json"u8.ToArray() };

        await Assert.ThrowsAnyAsync<Exception>(() => _journal.AppendAsync([Order("c"), broken], CancellationToken.None));
        var after = await _journal.AppendAsync([Order("d")], CancellationToken.None);

        Assert.Equal(2, (await Store.GetByMessageAsync(after[0].MessageId, CancellationToken.None))!.Id);
        Assert.Equal(2, await Store.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Populated_orders_continue_the_numbering_and_read_back_as_generated()
    {
        await _journal.AppendAsync([Order("live")], CancellationToken.None);

        var result = await Populator(chunk: 100).PopulateAsync(250, seed: 4, CancellationToken.None);

        Assert.Equal((250L, 2L, 251L), (result.Count, result.FirstId, result.LastId));
        var rows = await Store.IdRangeAsync(1, 1_000, 1_000, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 251).Select(i => (long)i), rows.Select(r => r.Id));
        Assert.All(rows.Skip(1), r =>
        {
            Assert.Null(r.MessageId);
            Assert.True(r.Side is "buy" or "sell");
            Assert.True(r.Quantity > 0 && r.PriceMicros > 0);
        });
        Assert.True(rows.Skip(1).Zip(rows.Skip(2)).All(p => p.First.AcceptedAtMs <= p.Second.AcceptedAtMs), "history is in time order");
    }

    [Fact]
    public async Task Keyset_slices_end_with_a_short_or_empty_slice()
    {
        await Populator(chunk: 100).PopulateAsync(25, seed: 1, CancellationToken.None);

        Assert.Equal(Enumerable.Range(11, 10).Select(i => (long)i), (await Store.AfterAsync(10, 10, CancellationToken.None)).Select(r => r.Id));
        Assert.Equal([21L, 22, 23, 24, 25], (await Store.AfterAsync(20, 10, CancellationToken.None)).Select(r => r.Id));
        Assert.Empty(await Store.AfterAsync(25, 10, CancellationToken.None));
        Assert.Empty(await Store.IdRangeAsync(26, 40, 10, CancellationToken.None));
        Assert.Equal([24L, 25], (await Store.IdRangeAsync(24, 40, 10, CancellationToken.None)).Select(r => r.Id));
        Assert.Null(await Store.GetAsync(26, CancellationToken.None));
    }

    [Fact]
    public async Task Time_ranges_are_half_open_and_resume_after_ties_by_id()
    {
        // Four orders in the same millisecond, then one later: a slice boundary inside the tie must neither repeat nor skip.
        await _journal.AppendAsync([Order("a", T0), Order("b", T0), Order("c", T0), Order("d", T0)], CancellationToken.None);
        await _journal.AppendAsync([Order("e", T0.AddSeconds(1))], CancellationToken.None);
        var from = UnixTime.ToMs(T0);
        var to = UnixTime.ToMs(T0.AddSeconds(1));

        var first = await Store.AcceptedBetweenAsync(from, to, 0, 3, CancellationToken.None);
        var rest = await Store.AcceptedBetweenAsync(first[^1].AcceptedAtMs, to, first[^1].Id, 3, CancellationToken.None);

        Assert.Equal([1L, 2, 3], first.Select(r => r.Id));
        Assert.Equal([4L], rest.Select(r => r.Id));
        Assert.Empty(await Store.AcceptedBetweenAsync(to + 1, to + 1_000, 0, 10, CancellationToken.None));
        Assert.Equal([5L], (await Store.AcceptedBetweenAsync(to, long.MaxValue, 0, 10, CancellationToken.None)).Select(r => r.Id));
    }

    [Fact]
    public async Task Every_query_reads_an_index_range_never_the_whole_table()
    {
        await Populator(chunk: 1_000).PopulateAsync(5_000, seed: 2, CancellationToken.None);
        var queries = new (string Where, object[] Values)[]
        {
            (OrderStore.ById, [42L]),
            (OrderStore.ByMessage, [OrderSql.For(((IJournalDatabase)_journal).Engine).MessageKey(Guid.NewGuid())]),
            (OrderStore.After, [100L, 100]),
            (OrderStore.IdRange, [100L, 199L, 100]),
            (OrderStore.AcceptedBetween, [0L, long.MaxValue, 0L, 100]),
        };

        foreach (var (where, values) in queries)
        {
            var plan = string.Join(" | ", await Store.ExplainAsync(where, values, CancellationToken.None));
            AssertIndexed(plan);
        }
    }

    /// <summary>Fails when the plan scans the table or sorts: both grow with the table, not with the answer.</summary>
    protected abstract void AssertIndexed(string plan);

    private OrderPopulator Populator(int chunk) => new(
        (IJournalDatabase)_journal, Options.Create(new OrdersOptions { PopulateChunkSize = chunk }), TimeProvider.System, NullLogger<OrderPopulator>.Instance);

    [Fact]
    public async Task A_page_of_a_thousand_live_orders_costs_one_journal_read_for_their_states()
    {
        for (var batch = 0; batch < 5; batch++)
        {
            await _journal.AppendAsync([.. Enumerable.Range(0, 200).Select(i => Order($"p-{batch}-{i}"))], CancellationToken.None);
        }

        var leases = await _journal.LeaseAsync(new LeaseRequest("orders", 10, "test", T0, TimeSpan.FromMinutes(1)), CancellationToken.None);
        await _journal.CompleteAsync([.. leases.Select(l => DeliveryOutcome.Delivered(l, T0.AddSeconds(1)))], CancellationToken.None);
        var rows = await Store.AfterAsync(0, 1000, CancellationToken.None);
        var counting = CountingJournal.Wrap(_journal);

        var views = await new OrderQueries(Store, counting).ViewsAsync(rows, CancellationToken.None);

        Assert.Equal(1000, views.Count);
        Assert.Equal(["GetDeliveriesAsync"], CountingJournal.Calls(counting));
        Assert.Equal(10, views.Count(v => v.Status == OrderStatus.Processed));
        Assert.Equal(990, views.Count(v => v.Status == OrderStatus.Stored));
    }

    private static NewMessage Order(string clientOrderId, DateTimeOffset? at = null) =>
        OrderIntake.Message(new OrderMessage(0, clientOrderId, "ACC1", "PETR4", "buy", 100, 38.25m, at ?? T0), ["orders"]);
}

using Microsoft.Extensions.Options;
using Npgsql;
using Sluice.Journal.Postgres;
using Sluice.Testing;
using static Sluice.Journal.Tests.Contract.Messages;

namespace Sluice.Journal.Tests.Postgres;

/// <summary>What the PostgreSQL journal adds over the contract: several nodes sharing one database.</summary>
public sealed class SharedJournalTests : IAsyncLifetime
{
    private readonly List<PostgresJournal> _nodes = [];
    private string _connectionString = "";

    public async Task InitializeAsync() => _connectionString = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("shared");

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }
    }

    private PostgresJournal Node()
    {
        var node = new PostgresJournal(Options.Create(new PostgresJournalOptions { ConnectionString = _connectionString }));
        _nodes.Add(node);
        return node;
    }

    [Fact]
    public async Task Nodes_initialising_together_apply_each_migration_once()
    {
        var nodes = Enumerable.Range(0, 4).Select(_ => Node()).ToList();

        await Task.WhenAll(nodes.Select(n => n.InitializeAsync(CancellationToken.None)));

        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT COUNT(*), COUNT(DISTINCT version) FROM sluice.schema_migrations", connection);
        await using var reader = await count.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal(PostgresSchema.Steps.Length, reader.GetInt64(0));
        Assert.Equal(PostgresSchema.Steps.Length, reader.GetInt64(1));
    }

    [Fact]
    public async Task Nodes_leasing_at_once_never_take_the_same_delivery()
    {
        var nodes = Enumerable.Range(0, 3).Select(_ => Node()).ToList();
        await nodes[0].InitializeAsync(CancellationToken.None);
        var messages = Enumerable.Range(0, 1_500).Select(i => New(receivedAt: T0.AddMilliseconds(-i))).ToList();
        await nodes[0].AppendAsync(messages, CancellationToken.None);

        var leasedByNode = await Task.WhenAll(nodes.Select(async (node, i) =>
        {
            var mine = new List<Guid>();
            while (true)
            {
                var batch = await node.LeaseAsync(new LeaseRequest("legacy", 50, $"node-{i}", T0, TimeSpan.FromMinutes(1)), CancellationToken.None);
                if (batch.Count == 0)
                {
                    return mine;
                }

                mine.AddRange(batch.Select(l => l.MessageId));
            }
        }));

        var all = leasedByNode.SelectMany(l => l).ToList();
        Assert.Equal(messages.Count, all.Count);
        Assert.Equal(messages.Select(m => m.Id).Order(), all.Order());
    }

    [Fact]
    public async Task Same_key_appended_and_finished_on_different_nodes_keeps_its_order()
    {
        var nodes = Enumerable.Range(0, 3).Select(_ => Node()).ToList();
        await nodes[0].InitializeAsync(CancellationToken.None);

        // Three nodes append to the same ten keys at once while a fourth delivers whatever heads it can lease.
        var appended = await Task.WhenAll(nodes.Select(async node =>
        {
            var mine = new List<NewMessage>();
            for (var round = 0; round < 40; round++)
            {
                var batch = Enumerable.Range(0, 10).Select(k => New(receivedAt: T0, orderingKey: $"emp-{k}")).ToList();
                await node.AppendAsync(batch, CancellationToken.None);
                mine.AddRange(batch);
            }

            return mine;
        }).Append(DeliverAllAsync(Node(), until: 1_200)));

        var delivered = appended[^1];
        Assert.Equal(1_200, delivered.Count);
        var sequences = await SequencesAsync();
        foreach (var key in delivered.GroupBy(m => m.OrderingKey))
        {
            // Delivered in the order the journal stored them: each key's sequence numbers only rise.
            var order = key.Select(m => sequences[m.Id]).ToList();
            Assert.Equal(order.Order(), order);
        }
    }

    /// <summary>Leases and delivers until <paramref name="until"/> messages are done; a key never has two in flight.</summary>
    private static async Task<List<NewMessage>> DeliverAllAsync(PostgresJournal node, int until)
    {
        var done = new List<NewMessage>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (done.Count < until)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Only {done.Count} of {until} became due: a key lost its head.");
            var leased = await node.LeaseAsync(new LeaseRequest("legacy", 100, "deliverer", T0, TimeSpan.FromMinutes(1)), CancellationToken.None);
            Assert.Equal(leased.Count, leased.Select(l => l.OrderingKey).Distinct().Count());
            await node.CompleteAsync([.. leased.Select(l => DeliveryOutcome.Delivered(l, T0))], CancellationToken.None);
            done.AddRange(leased.Select(l => New(receivedAt: T0, orderingKey: l.OrderingKey) with { Id = l.MessageId }));
            if (leased.Count == 0)
            {
                await Task.Delay(10);
            }
        }

        return done;
    }

    private async Task<Dictionary<Guid, long>> SequencesAsync()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var select = new NpgsqlCommand("SELECT id, seq FROM sluice.messages", connection);
        await using var reader = await select.ExecuteReaderAsync();
        var sequences = new Dictionary<Guid, long>();
        while (await reader.ReadAsync())
        {
            sequences[reader.GetGuid(0)] = reader.GetInt64(1);
        }

        return sequences;
    }
}

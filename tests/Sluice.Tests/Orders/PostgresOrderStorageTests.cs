using Microsoft.Extensions.Options;
using Sluice.Journal;
using Sluice.Journal.Modules;
using Sluice.Journal.Postgres;
using Sluice.Testing;

namespace Sluice.Tests.Orders;

/// <summary>The same facts on a real PostgreSQL server, a database per test.</summary>
public sealed class PostgresOrderStorageTests : OrderStorageTests
{
    protected override async Task<IJournal> OpenAsync(IJournalModule module)
    {
        var server = await PostgresServer.GetAsync();
        var connectionString = await server.CreateDatabaseAsync("orders");
        var journal = new PostgresJournal(Options.Create(new PostgresJournalOptions { ConnectionString = connectionString }), modules: [module]);
        await journal.InitializeAsync(CancellationToken.None);
        return journal;
    }

    protected override void AssertIndexed(string plan)
    {
        Assert.Matches("Index (Only )?Scan using (orders_pkey|ix_orders_accepted_at|ix_orders_message)", plan);
        Assert.DoesNotContain("Seq Scan", plan);
        Assert.DoesNotContain("Sort", plan);
    }
}

using Microsoft.Extensions.Options;
using Sluice.Journal.Postgres;
using Sluice.Journal.Tests.Contract;
using Sluice.Testing;

namespace Sluice.Journal.Tests.Postgres;

/// <summary>The journal contract on a real PostgreSQL server; each test gets a database of its own.</summary>
public sealed class PostgresJournalTests : JournalContractTests
{
    protected override async Task<IJournal> CreateJournalAsync()
    {
        var server = await PostgresServer.GetAsync();
        var journal = new PostgresJournal(Options.Create(new PostgresJournalOptions
        {
            ConnectionString = await server.CreateDatabaseAsync("journal"),
        }));
        await journal.InitializeAsync(CancellationToken.None);
        return journal;
    }
}

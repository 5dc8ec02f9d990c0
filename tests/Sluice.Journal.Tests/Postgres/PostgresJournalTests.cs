using Microsoft.Extensions.Options;
using Sluice.Journal.Modules;
using Sluice.Journal.Postgres;
using Sluice.Journal.Tests.Contract;
using Sluice.Testing;

namespace Sluice.Journal.Tests.Postgres;

/// <summary>The journal contract on a real PostgreSQL server; each test gets a database of its own.</summary>
public sealed class PostgresJournalTests : JournalContractTests
{
    private string? _connectionString;

    protected override async Task<IJournal> CreateJournalAsync(params IJournalModule[] modules)
    {
        var server = await PostgresServer.GetAsync();
        _connectionString ??= await server.CreateDatabaseAsync("journal");
        var journal = new PostgresJournal(Options.Create(new PostgresJournalOptions { ConnectionString = _connectionString }), modules: modules);
        await journal.InitializeAsync(CancellationToken.None);
        return journal;
    }
}

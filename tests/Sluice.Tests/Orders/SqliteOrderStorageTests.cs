using Microsoft.Extensions.Options;
using Sluice.Journal;
using Sluice.Journal.Modules;
using Sluice.Journal.Sqlite;

namespace Sluice.Tests.Orders;

public sealed class SqliteOrderStorageTests : OrderStorageTests
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sluice-orders-").FullName;

    protected override async Task<IJournal> OpenAsync(IJournalModule module)
    {
        var journal = new SqliteJournal(Options.Create(new SqliteJournalOptions { Path = Path.Combine(_folder, "journal.db") }), [module]);
        await journal.InitializeAsync(CancellationToken.None);
        return journal;
    }

    protected override void AssertIndexed(string plan)
    {
        Assert.Matches(@"SEARCH (main\.)?orders USING", plan);
        Assert.DoesNotContain("SCAN", plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

using Microsoft.Extensions.Options;
using Sluice.Journal.Modules;
using Sluice.Journal.Sqlite;
using Sluice.Journal.Tests.Contract;

namespace Sluice.Journal.Tests.Sqlite;

public sealed class SqliteJournalTests : JournalContractTests
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sluice-journal-").FullName;

    protected override async Task<IJournal> CreateJournalAsync(params IJournalModule[] modules)
    {
        var journal = new SqliteJournal(Options.Create(new SqliteJournalOptions { Path = Path.Combine(_folder, "journal.db") }), modules);
        await journal.InitializeAsync(CancellationToken.None);
        return journal;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

using Microsoft.Extensions.Options;
using Sluice.Journal;
using Sluice.Journal.Sqlite;
using Sluice.Testing;

namespace Sluice.Tests.Delivery.Engine;

/// <summary>A journal in a temporary folder holding <c>count</c> messages for the "legacy" destination.</summary>
internal sealed class SqliteDeliveryJournal : IAsyncDisposable
{
    private readonly TempFolder _folder = new();

    private SqliteDeliveryJournal() =>
        Journal = new SqliteJournal(Options.Create(new SqliteJournalOptions { Path = _folder.File("sluice.db") }));

    public SqliteJournal Journal { get; }

    public static async Task<SqliteDeliveryJournal> WithMessagesAsync(int count, DateTimeOffset now)
    {
        var store = new SqliteDeliveryJournal();
        await store.Journal.InitializeAsync(CancellationToken.None);
        await store.Journal.AppendAsync(
            [.. Enumerable.Range(0, count).Select(_ => new NewMessage(Guid.CreateVersion7(), "punch", "{}"u8.ToArray(), "application/json", ["legacy"], now))],
            CancellationToken.None);
        return store;
    }

    public async ValueTask DisposeAsync()
    {
        await Journal.DisposeAsync();
        _folder.Dispose();
    }
}

using System.Data.Common;
using Microsoft.Data.Sqlite;
using Sluice.Testing;

namespace Sluice.Tests.Punches.Ledger;

public sealed class SqliteLedgerTests : LedgerTests
{
    protected override (string Table, string DisableTriggers) Intrusion =>
        ("punch_ledger", "DROP TRIGGER punch_ledger_no_update");

    protected override Task<Dictionary<string, string?>> EngineSettingsAsync() => Task.FromResult(new Dictionary<string, string?>());

    protected override async Task<DbConnection> OpenDatabaseAsync()
    {
        var connection = new SqliteConnection($"Data Source={Gateway.JournalPath};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    [Fact]
    public async Task Sluice_verify_reads_the_journal_file_and_names_the_altered_NSR()
    {
        for (var i = 0; i < 3; i++)
        {
            await Gateway.PostPunchAsync("3101");
        }

        var establishment = await Gateway.EstablishmentAsync();
        var (ok, printed) = await SluiceCli.RunAsync("verify", $"--Journal:Path={Gateway.JournalPath}");
        Assert.True(ok == 0, printed);
        Assert.Contains($"{establishment}: OK, 5 records (3 punches)", printed, StringComparison.Ordinal);

        await using (var connection = await OpenDatabaseAsync())
        await using (var tamper = connection.CreateCommand())
        {
            tamper.CommandText = "DROP TRIGGER punch_ledger_no_update; UPDATE punch_ledger SET offline = 1 WHERE nsr = 3";
            await tamper.ExecuteNonQueryAsync();
        }

        var (broken, report) = await SluiceCli.RunAsync("verify", $"--Journal:Path={Gateway.JournalPath}", "--establishment", establishment.ToString());
        Assert.Equal(1, broken);
        Assert.Contains("BROKEN at NSR 3", report, StringComparison.Ordinal);
    }
}

using System.Data.Common;
using Npgsql;
using Sluice.Testing;

namespace Sluice.Tests.Punches.Ledger;

public sealed class PostgresLedgerTests : LedgerTests
{
    private string _database = null!;

    protected override (string Table, string DisableTriggers) Intrusion =>
        ("sluice.punch_ledger", "ALTER TABLE sluice.punch_ledger DISABLE TRIGGER punch_ledger_immutable");

    protected override async Task<Dictionary<string, string?>> EngineSettingsAsync()
    {
        _database = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("ledger");
        return new Dictionary<string, string?>
        {
            ["Journal:Engine"] = "postgres",
            ["ConnectionStrings:Journal"] = _database,
        };
    }

    protected override async Task<DbConnection> OpenDatabaseAsync()
    {
        var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        return connection;
    }
}

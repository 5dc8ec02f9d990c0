using System.Data.Common;
using Npgsql;
using Sluice.Testing;

namespace Sluice.Tests.Punches.Adms;

public sealed class PostgresAdmsDeviceTests : AdmsDeviceTests
{
    private string _database = null!;

    protected override async Task<Dictionary<string, string?>> EngineSettingsAsync()
    {
        _database = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("adms");
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

    protected override string Table(string name) => "sluice." + name;
}

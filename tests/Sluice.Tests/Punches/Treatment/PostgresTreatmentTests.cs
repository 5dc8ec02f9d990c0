using System.Data.Common;
using Npgsql;
using Sluice.Testing;

namespace Sluice.Tests.Punches.Treatment;

public sealed class PostgresTreatmentTests : TreatmentTests
{
    private string _database = null!;

    protected override string TreatmentsTable => "sluice.punch_treatments";

    protected override async Task<Dictionary<string, string?>> EngineSettingsAsync()
    {
        _database = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("treatment");
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

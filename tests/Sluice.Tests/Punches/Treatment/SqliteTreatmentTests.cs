using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Sluice.Tests.Punches.Treatment;

public sealed class SqliteTreatmentTests : TreatmentTests
{
    protected override string TreatmentsTable => "punch_treatments";

    protected override Task<Dictionary<string, string?>> EngineSettingsAsync() => Task.FromResult(new Dictionary<string, string?>());

    protected override async Task<DbConnection> OpenDatabaseAsync()
    {
        var connection = new SqliteConnection($"Data Source={Gateway.JournalPath};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }
}

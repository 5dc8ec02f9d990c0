using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Sluice.Tests.Punches.Adms;

public sealed class SqliteAdmsDeviceTests : AdmsDeviceTests
{
    protected override Task<Dictionary<string, string?>> EngineSettingsAsync() => Task.FromResult(new Dictionary<string, string?>());

    protected override async Task<DbConnection> OpenDatabaseAsync()
    {
        var connection = new SqliteConnection($"Data Source={Gateway.JournalPath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    protected override string Table(string name) => name;
}

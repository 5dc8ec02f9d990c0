using System.Data.Common;
using Sluice.Testing;

namespace Sluice.Tests.Punches.Adms;

public sealed class PostgresAdmsDeviceTests : AdmsDeviceTests
{
    private PostgresTestDatabase _database = null!;

    protected override async Task<Dictionary<string, string?>> EngineSettingsAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync("adms");
        return _database.Settings();
    }

    protected override async Task<DbConnection> OpenDatabaseAsync() => await _database.OpenAsync();

    protected override string Table(string name) => "sluice." + name;
}

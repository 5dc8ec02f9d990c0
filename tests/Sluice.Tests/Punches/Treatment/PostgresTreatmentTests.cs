using System.Data.Common;
using Sluice.Testing;

namespace Sluice.Tests.Punches.Treatment;

public sealed class PostgresTreatmentTests : TreatmentTests
{
    private PostgresTestDatabase _database = null!;

    protected override string TreatmentsTable => "sluice.punch_treatments";

    protected override async Task<Dictionary<string, string?>> EngineSettingsAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync("treatment");
        return _database.Settings();
    }

    protected override async Task<DbConnection> OpenDatabaseAsync() => await _database.OpenAsync();
}

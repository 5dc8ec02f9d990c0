using System.Data.Common;
using Microsoft.Data.Sqlite;
using Sluice.Security;
using Sluice.Testing;

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

    [Fact]
    public async Task Sluice_devices_rejected_lists_the_kept_lines_with_their_reason()
    {
        await RegisterDeviceAsync(Serial, Key);
        await HandshakeAsync(Serial);
        await UploadAsync(Serial, "9999\t2026-11-02 08:00:00\t0\t1\t0\t0\t0\nnot a line");
        var establishment = (await Gateway.EstablishmentAsync()).ToString();

        var (exit, output) = await SluiceCli.RunAsync(
            "devices", "rejected", establishment, "--serial", Serial, "--server", Gateway.BaseAddress.ToString(),
            "--token", TestCredentials.Token(SluiceRoles.Admin));

        Assert.True(exit == 0, output);
        Assert.Contains("No active employee has this PIN", output, StringComparison.Ordinal);
        Assert.Contains("not a line", output, StringComparison.Ordinal);
        Assert.Contains("2 of 2 kept line(s).", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_ADMS_settings_stop_Sluice_with_every_problem_named()
    {
        var (exit, printed) = await SluiceCli.StartGatewayAsync(
            "--Punches:Adms:MaxLinesPerUpload=0", "--Punches:Adms:UploadsPerMinute=-1", "--Punches:Adms:SessionLifetime=00:00:01");

        Assert.Equal(2, exit);
        Assert.Contains("Punches:Adms:MaxLinesPerUpload must be 1 to 100000", printed, StringComparison.Ordinal);
        Assert.Contains("Punches:Adms:UploadsPerMinute must be 1 to 100000", printed, StringComparison.Ordinal);
        Assert.Contains("Punches:Adms:SessionLifetime must be 1 minute to 30 days", printed, StringComparison.Ordinal);
    }
}

using System.Net;
using Microsoft.Data.Sqlite;
using Sluice.Testing;

namespace Sluice.Tests.Observability;

/// <summary>Live means the process answers; ready means the journal can write, so a balancer stops sending intake.</summary>
public sealed class HealthTests : IAsyncLifetime
{
    private TestLegacy _legacy = null!;

    public async Task InitializeAsync() => _legacy = await TestLegacy.StartAsync();

    public async Task DisposeAsync() => await _legacy.DisposeAsync();

    [Fact]
    public async Task Ready_fails_while_the_journal_cannot_write_and_recovers_after()
    {
        var settings = TestGateway.Defaults(_legacy.BaseAddress);
        settings["Journal:BusyTimeout"] = "00:00:00.500";
        await using var gateway = await TestGateway.StartAsync(settings);
        Assert.Equal(HttpStatusCode.OK, (await gateway.Client.GetAsync("/health/ready")).StatusCode);

        await using (var blocker = new SqliteConnection($"Data Source={gateway.JournalPath};Pooling=False"))
        {
            // Another process's exclusive write transaction: the journal's writes time out behind it.
            await blocker.OpenAsync();
            await using var command = blocker.CreateCommand();
            command.CommandText = "BEGIN EXCLUSIVE; INSERT INTO journal_probe (id, at) VALUES (99, 0);";
            await command.ExecuteNonQueryAsync();

            using var ready = await gateway.Client.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, (await gateway.Client.GetAsync("/health/live")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await gateway.Client.GetAsync("/health/ready")).StatusCode);
    }
}

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Sluice.Delivery.Engine;
using Sluice.Hosting;
using Sluice.Journal;
using Sluice.Operations;
using Sluice.Punches;
using Sluice.Punches.Reporting;
using Sluice.Testing;

namespace Sluice.Tests.Punches;

/// <summary>Punches written to a relational table in a real PostgreSQL reporting database.</summary>
public sealed class ReportingSinkTests
{
    [Fact]
    public async Task Every_acknowledged_punch_becomes_one_row_and_the_connection_limit_holds()
    {
        await using var legacy = await TestLegacy.StartAsync();
        var reporting = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("reporting");
        var settings = TestGateway.Defaults(legacy.BaseAddress);
        settings["Punches:Destinations:1"] = "reporting";
        settings["Delivery:Destinations:reporting:Sink"] = "postgres";
        settings["Delivery:Destinations:reporting:Concurrency"] = "16";
        settings["Delivery:Destinations:reporting:MaxConnections"] = "2";
        settings["ConnectionStrings:reporting"] = reporting;
        await using var gateway = await TestGateway.StartAsync(settings);

        using var watching = new CancellationTokenSource();
        var mostConnections = WatchConnectionsAsync(reporting, "sluice-reporting", watching.Token);
        var acknowledged = new List<Guid>();
        foreach (var batch in Enumerable.Range(0, 600).Chunk(50))
        {
            var responses = await Task.WhenAll(batch.Select(i => gateway.PostPunchAsync($"E{i % 40}")));
            foreach (var response in responses)
            {
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
                acknowledged.Add((await response.Content.ReadFromJsonAsync<PunchReceipt>())!.Id);
            }
        }

        await Eventually.UntilAsync(
            async () => (await gateway.Client.GetFromJsonAsync<List<DestinationView>>("/api/destinations"))!.Single(d => d.Name == "reporting"),
            d => d is { Backlog: 0, Delivered: 600 }, TimeSpan.FromSeconds(60), "every punch reaches the reporting table");
        await watching.CancelAsync();

        Assert.Equal(acknowledged.Order(), (await RowIdsAsync(reporting)).Order());
        Assert.InRange(await mostConnections, 1, 2);
    }

    [Fact]
    public async Task A_redelivered_punch_does_not_make_a_second_row()
    {
        var reporting = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("reporting");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Delivery:Destinations:reporting:ConnectionString"] = reporting,
            ["Delivery:Destinations:reporting:Table"] = "report.punches",
        }).Build();
        await using (var connection = new NpgsqlConnection(reporting))
        {
            await connection.OpenAsync();
            await new NpgsqlCommand("CREATE SCHEMA report", connection).ExecuteNonQueryAsync();
        }

        await using var factory = new PunchReportSinkFactory(configuration);
        var sink = factory.Create("reporting", configuration.GetSection("Delivery:Destinations:reporting"));
        var punch = new PunchMessage(Guid.CreateVersion7(), "1001", DateTimeOffset.Parse("2026-11-22T08:00:03-03:00", CultureInfo.InvariantCulture), "APP-7", DateTimeOffset.UtcNow);
        var delivery = new LeasedDelivery(1, punch.Id, "reporting", PunchIntake.Kind,
            JsonSerializer.SerializeToUtf8Bytes(punch, PunchesJsonContext.Default.PunchMessage), "application/json",
            new Dictionary<string, string>(), null, punch.ReceivedAt, 1, Guid.NewGuid(), DateTimeOffset.UtcNow.AddMinutes(1));

        Assert.Equal(SendStatus.Delivered, (await sink.SendAsync(delivery, CancellationToken.None)).Status);
        Assert.Equal(SendStatus.Delivered, (await sink.SendAsync(delivery with { Attempt = 2 }, CancellationToken.None)).Status);

        await using var check = new NpgsqlConnection(reporting);
        await check.OpenAsync();
        await using var select = new NpgsqlCommand("SELECT COUNT(*), MIN(employee_id), MIN(punched_at) FROM report.punches", check);
        await using var reader = await select.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal(1L, reader.GetInt64(0));
        Assert.Equal("1001", reader.GetString(1));
        Assert.Equal(punch.PunchedAt, reader.GetFieldValue<DateTimeOffset>(2));
    }

    [Fact]
    public async Task A_message_that_is_not_a_punch_is_refused_for_good()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:reporting"] = "Host=127.0.0.1;Port=1;Username=nobody",
        }).Build();
        await using var factory = new PunchReportSinkFactory(configuration);
        var sink = factory.Create("reporting", configuration.GetSection("Delivery:Destinations:reporting"));
        var order = new LeasedDelivery(1, Guid.NewGuid(), "reporting", "order", "{}"u8.ToArray(), "application/json",
            new Dictionary<string, string>(), null, DateTimeOffset.UtcNow, 1, Guid.NewGuid(), DateTimeOffset.UtcNow.AddMinutes(1));

        Assert.Equal(SendStatus.Permanent, (await sink.SendAsync(order, CancellationToken.None)).Status);
    }

    private static async Task<List<Guid>> RowIdsAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var select = new NpgsqlCommand("SELECT id FROM punches", connection);
        await using var reader = await select.ExecuteReaderAsync();
        var ids = new List<Guid>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    /// <summary>The most connections the application held at once, sampled from pg_stat_activity until cancelled.</summary>
    private static async Task<long> WatchConnectionsAsync(string database, string applicationName, CancellationToken stop)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(CancellationToken.None);
        await using var count = new NpgsqlCommand("SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = $1", connection);
        count.Parameters.Add(new() { Value = applicationName });
        long most = 0;
        while (!stop.IsCancellationRequested)
        {
            most = Math.Max(most, (long)(await count.ExecuteScalarAsync(CancellationToken.None))!);
            await Task.Delay(5, CancellationToken.None);
        }

        return most;
    }
}

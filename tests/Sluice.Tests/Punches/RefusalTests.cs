using System.Net;
using Microsoft.Data.Sqlite;
using Sluice.Testing;

namespace Sluice.Tests.Punches;

/// <summary>When a punch cannot be stored the client hears 503 with Retry-After, never a false 202.</summary>
public sealed class RefusalTests : IAsyncLifetime
{
    private TestLegacy _legacy = null!;

    public async Task InitializeAsync() => _legacy = await TestLegacy.StartAsync();

    public async Task DisposeAsync() => await _legacy.DisposeAsync();

    [Fact]
    public async Task An_unwritable_journal_answers_503_with_retry_after_and_stores_nothing()
    {
        var settings = TestGateway.Defaults(_legacy.BaseAddress);
        settings["Journal:BusyTimeout"] = "00:00:01";
        await using var gateway = await TestGateway.StartAsync(settings);
        await gateway.RegisterEmployeesAsync("5001");

        HttpResponseMessage refused;
        await using (var blocker = await HoldWriteLockAsync(gateway.JournalPath))
        {
            refused = await gateway.PostPunchAsync("5001");
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await JournalFile.CountMessagesAsync(gateway.JournalPath));

        // The server keeps serving once the journal can write again.
        Assert.Equal(HttpStatusCode.Accepted, (await gateway.PostPunchAsync("5001")).StatusCode);
        Assert.Equal(1, await JournalFile.CountMessagesAsync(gateway.JournalPath));
    }

    [Fact]
    public async Task A_full_intake_queue_answers_503_at_once_and_every_202_is_stored()
    {
        var settings = TestGateway.Defaults(_legacy.BaseAddress);
        settings["Journal:QueueCapacity"] = "1";
        settings["Journal:MaxBatchSize"] = "1";
        settings["Journal:BusyTimeout"] = "00:00:30";
        await using var gateway = await TestGateway.StartAsync(settings);
        await gateway.RegisterEmployeesAsync([.. Enumerable.Range(0, 10).Select(i => $"60{i:00}")]);

        var blocker = await HoldWriteLockAsync(gateway.JournalPath);
        var requests = Enumerable.Range(0, 10).Select(i => gateway.PostPunchAsync($"60{i:00}")).ToList();

        // With the writer stuck on one request and one more queued, the other eight are refused without waiting.
        var refusedAtOnce = new List<HttpResponseMessage>();
        while (refusedAtOnce.Count < 8)
        {
            var done = await Task.WhenAny(requests);
            requests.Remove(done);
            refusedAtOnce.Add(await done);
        }

        Assert.All(refusedAtOnce, r => Assert.Equal(HttpStatusCode.ServiceUnavailable, r.StatusCode));
        Assert.All(refusedAtOnce, r => Assert.NotNull(r.Headers.RetryAfter));
        await blocker.DisposeAsync();

        // The rest (one or two, depending on whether the writer had picked up the first) are stored once
        // the lock goes; whatever was answered 202 is in the journal, and nothing else is.
        var all = refusedAtOnce.Concat(await Task.WhenAll(requests)).ToList();
        Assert.All(all, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Accepted, HttpStatusCode.ServiceUnavailable }));
        var accepted = all.Count(r => r.StatusCode == HttpStatusCode.Accepted);
        Assert.InRange(accepted, 1, 2);
        Assert.Equal(accepted, await JournalFile.CountMessagesAsync(gateway.JournalPath));
    }

    /// <summary>Another process's write transaction: the journal's writer must wait behind it.</summary>
    private static async Task<SqliteConnection> HoldWriteLockAsync(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "BEGIN EXCLUSIVE; INSERT INTO journal_probe (id, at) VALUES (99, 0);";
        await command.ExecuteNonQueryAsync();
        return connection;
    }
}

using System.Net;
using System.Text;
using System.Text.Json;
using Sluice.LegacySimulator;
using Sluice.Testing;

namespace Sluice.Tests.Facade;

/// <summary>A store-first route's ordering key, end to end on both journal engines.</summary>
public sealed class OrderingKeyTests
{
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(60);

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Same_key_requests_arrive_one_at_a_time_in_order_while_different_keys_overlap(string engine)
    {
        await using var legacy = await TestLegacy.StartAsync(new SimulatorSettings { Latency = Latency, Capacity = 50 });
        var settings = TestGateway.Defaults(legacy.BaseAddress);
        settings["Facade:Routes:0:Method"] = "POST";
        settings["Facade:Routes:0:Path"] = "/legacy/punch";
        settings["Facade:Routes:0:Destinations:0"] = "legacy";
        settings["Facade:Routes:0:OrderingKey:JsonField"] = "employee.id";
        settings["Delivery:Destinations:legacy:Concurrency"] = "16";
        if (engine == "postgres")
        {
            (await PostgresTestDatabase.CreateAsync("ordering")).Configure(settings);
        }

        await using var gateway = await TestGateway.StartAsync(settings);
        string[] keys = ["A", "B", "C", "D"];
        const int perKey = 5;

        // Stored while delivery is paused, so every key has its whole queue waiting when sending starts.
        (await gateway.Client.PostAsync("/api/destinations/legacy/pause", null)).EnsureSuccessStatusCode();
        for (var seq = 0; seq < perKey; seq++)
        {
            foreach (var key in keys)
            {
                var body = $$"""{"employee":{"id":"{{key}}"},"seq":{{seq}}}""";
                using var response = await gateway.Client.PostAsync("/legacy/punch", new StringContent(body, Encoding.UTF8, "application/json"));
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            }
        }

        (await gateway.Client.PostAsync("/api/destinations/legacy/resume", null)).EnsureSuccessStatusCode();
        var applied = await Eventually.UntilAsync(
            () => Task.FromResult(legacy.System.Requests(0, 1000)), r => r.Count >= keys.Length * perKey, because: "every request was replayed");

        foreach (var key in keys)
        {
            var mine = applied.Where(r => Read(r).Key == key).OrderBy(r => r.Number).ToList();
            Assert.Equal(Enumerable.Range(0, perKey), mine.Select(r => Read(r).Seq));
            foreach (var (earlier, later) in mine.Zip(mine.Skip(1)))
            {
                // One at a time: the next one was only sent after the previous one was answered, so it finished a latency later.
                Assert.True(later.At - earlier.At >= Latency - TimeSpan.FromMilliseconds(15),
                    $"key {key}: {earlier.At:O} then {later.At:O} overlap");
            }
        }

        Assert.True((await legacy.StatsAsync()).MaxInFlight >= 2, "different keys were sent in parallel");
        Assert.Equal(0, (await legacy.StatsAsync()).Duplicates);
    }

    private static (string Key, int Seq) Read(ReceivedRequest request)
    {
        using var body = JsonDocument.Parse(request.Body);
        return (body.RootElement.GetProperty("employee").GetProperty("id").GetString()!, body.RootElement.GetProperty("seq").GetInt32());
    }
}

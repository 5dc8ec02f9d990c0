using System.Net;
using Sluice.Testing;

namespace Sluice.Tests.Legacy;

/// <summary>The simulator behaves like an overloaded system: it queues past its capacity, then refuses.</summary>
public sealed class SimulatorCapacityTests
{
    [Fact]
    public async Task Past_its_capacity_requests_wait_their_turn_and_past_the_queue_they_are_refused()
    {
        await using var legacy = await TestLegacy.StartAsync(new() { Latency = TimeSpan.FromMilliseconds(400), Capacity = 2, QueueLimit = 2 });
        using var client = new HttpClient { BaseAddress = legacy.BaseAddress };
        // One request first, so the first-use costs of the server (JIT, serializers) do not count as latency.
        (await client.PostAsync("/warm-up", new StringContent("{}"))).EnsureSuccessStatusCode();
        (await client.PostAsync("/_sim/reset", null)).EnsureSuccessStatusCode();

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.PostAsync("/work", new StringContent("{}"))));

        Assert.Equal(4, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.Equal(2, answers.Count(a => a.StatusCode == HttpStatusCode.ServiceUnavailable));
        var stats = await legacy.StatsAsync();
        Assert.Equal((2, 2, 2L), (stats.MaxInFlight, stats.MaxQueued, stats.Rejected));

        // The two that queued waited for a worker first: their latency is about two service times.
        Assert.True(stats.LatencyP99Ms >= 780, $"p99 {stats.LatencyP99Ms} ms should include the wait in the queue");
        Assert.True(stats.LatencyP50Ms is >= 380 and <= 780, $"{stats}");
    }
}

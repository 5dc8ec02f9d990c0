using System.Diagnostics;
using Sluice.Cli;
using Sluice.LegacySimulator;
using Sluice.Testing;

namespace Sluice.Tests.Legacy;

public sealed class LatencyRangeTests
{
    [Theory]
    [InlineData("0-1s", 0, 1000)]
    [InlineData("200ms-1s", 200, 1000)]
    [InlineData("250ms", 250, null)]
    [InlineData("00:00:00.100-00:00:00.300", 100, 300)]
    public void Latency_ranges_parse_as_people_type_them(string text, int minMs, int? maxMs)
    {
        Assert.True(Duration.TryParseRange(text, out var min, out var max));
        Assert.Equal(TimeSpan.FromMilliseconds(minMs), min);
        Assert.Equal(maxMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null, max);
    }

    [Theory]
    [InlineData("1s-0")]
    [InlineData("a-b")]
    [InlineData("-1s")]
    public void Nonsense_ranges_are_refused(string text) => Assert.False(Duration.TryParseRange(text, out _, out _));

    [Fact]
    public async Task The_simulator_takes_a_uniform_time_within_the_range_per_request()
    {
        await using var legacy = await TestLegacy.StartAsync(new SimulatorSettings
        {
            Latency = TimeSpan.FromMilliseconds(50), LatencyMax = TimeSpan.FromMilliseconds(250),
        });

        var times = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            var clock = Stopwatch.StartNew();
            (await legacy.Client.PostAsync($"/orders/{i}", null)).EnsureSuccessStatusCode();
            return clock.Elapsed.TotalMilliseconds;
        }));

        Assert.All(times, t => Assert.InRange(t, 50, 5_000));

        // Twenty draws from 50-250 ms spread out; a fixed latency would put them all within a few ms of each other.
        Assert.True(times.Max() - times.Min() > 40, $"latencies {string.Join(", ", times.Select(t => t.ToString("0")))} are not spread");
    }
}

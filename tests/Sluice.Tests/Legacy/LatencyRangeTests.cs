using System.Globalization;
using Microsoft.Extensions.Time.Testing;
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
        // Timed on a clock the test drives: a busy CI machine fires real timers late and all at once,
        // which says nothing about the latency the simulator chose.
        using var clock = new DelayRecordingClock();
        await using var legacy = await TestLegacy.StartAsync(
            new SimulatorSettings { Latency = TimeSpan.FromMilliseconds(50), LatencyMax = TimeSpan.FromMilliseconds(250) }, clock);

        var answers = Enumerable.Range(0, 20).Select(i => legacy.Client.PostAsync($"/orders/{i}", null)).ToList();
        var delays = await clock.DelaysAsync(count: 20);

        Assert.All(delays, d => Assert.InRange(d.TotalMilliseconds, 50, 250));
        // Twenty draws from 50-250 ms spread out; a fixed latency would ask for the same delay twenty times.
        Assert.True((delays.Max() - delays.Min()).TotalMilliseconds > 40, $"delays {string.Join(", ", delays.Select(d => d.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)))} are not spread");
        Assert.DoesNotContain(answers, a => a.IsCompleted);

        clock.Advance(TimeSpan.FromMilliseconds(250));
        Assert.All(await Task.WhenAll(answers), a => a.EnsureSuccessStatusCode());
    }

    /// <summary>A fake clock that remembers the delay of every timer made on it and signals when enough were made.</summary>
    private sealed class DelayRecordingClock : FakeTimeProvider, IDisposable
    {
        private readonly List<TimeSpan> _delays = [];
        private readonly SemaphoreSlim _made = new(0);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            lock (_delays)
            {
                _delays.Add(dueTime);
            }

            var timer = base.CreateTimer(callback, state, dueTime, period);
            _made.Release();
            return timer;
        }

        public void Dispose() => _made.Dispose();

        public async Task<IReadOnlyList<TimeSpan>> DelaysAsync(int count)
        {
            for (var i = 0; i < count; i++)
            {
                Assert.True(await _made.WaitAsync(TimeSpan.FromSeconds(30)), $"only {i} of {count} requests reached their delay");
            }

            lock (_delays)
            {
                return [.. _delays];
            }
        }
    }
}

using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;
using Sluice.Operations;
using Sluice.Testing;

namespace Sluice.Tests.Delivery.Pace;

/// <summary>Schedules, windows and pause end to end: the gateway on a fake clock, the real simulator over HTTP.</summary>
public sealed class ScheduledDeliveryTests : IAsyncLifetime
{
    private TestLegacy _legacy = null!;

    public async Task InitializeAsync() => _legacy = await TestLegacy.StartAsync();

    public async Task DisposeAsync() => await _legacy.DisposeAsync();

    private async Task<TestGateway> StartAsync(FakeTimeProvider? time, params (string Key, string Value)[] overrides)
    {
        var settings = TestGateway.Defaults(_legacy.BaseAddress);
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return await TestGateway.StartAsync(settings, time: time);
    }

    private static async Task PunchAsync(TestGateway gateway, int count)
    {
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await gateway.PostPunchAsync($"E{i}")).StatusCode);
        }
    }

    private static Task<DestinationView> LegacyAsync(TestGateway gateway) =>
        gateway.Client.GetFromJsonAsync<List<DestinationView>>("/api/destinations").ContinueWith(t => t.Result!.Single(d => d.Name == "legacy"));

    /// <summary>Waits until the worker has looked at its schedule and found it closed until <paramref name="opens"/>.</summary>
    private static Task<DestinationView> ClosedUntilAsync(TestGateway gateway, DateTimeOffset opens) =>
        Eventually.UntilAsync(() => LegacyAsync(gateway), d => d.ClosedUntil == opens, because: $"the schedule is closed until {opens:O}");

    [Fact]
    public async Task A_night_window_sends_nothing_at_noon_and_everything_once_it_opens()
    {
        // 12:00 in São Paulo.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero));
        await using var gateway = await StartAsync(time,
            ("Delivery:Destinations:legacy:Schedule:Mode", "windows"),
            ("Delivery:Destinations:legacy:Schedule:Windows:0", "22:00-06:00"),
            ("Delivery:Destinations:legacy:Schedule:TimeZone", "America/Sao_Paulo"));

        await PunchAsync(gateway, 3);
        var tenPm = new DateTimeOffset(2026, 11, 23, 22, 0, 0, TimeSpan.FromHours(-3));
        await ClosedUntilAsync(gateway, tenPm);
        time.Advance(TimeSpan.FromHours(4));
        await ClosedUntilAsync(gateway, tenPm);
        Assert.Equal(0, (await _legacy.StatsAsync()).Received);

        time.SetUtcNow(tenPm);
        await Eventually.UntilAsync(() => _legacy.StatsAsync(), s => s.Unique == 3, because: "the window opened at 22:00");
    }

    [Fact]
    public async Task A_thirty_minute_schedule_sends_nothing_between_flushes_and_everything_at_each()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 5, 0, TimeSpan.Zero));
        await using var gateway = await StartAsync(time,
            ("Delivery:Destinations:legacy:Schedule:Mode", "interval"),
            ("Delivery:Destinations:legacy:Schedule:Every", "00:30:00"));
        var firstFlush = new DateTimeOffset(2026, 11, 23, 10, 30, 0, TimeSpan.Zero);

        await PunchAsync(gateway, 3);
        await ClosedUntilAsync(gateway, firstFlush);
        time.Advance(TimeSpan.FromMinutes(20));
        await ClosedUntilAsync(gateway, firstFlush);
        Assert.Equal(0, (await _legacy.StatsAsync()).Received);

        time.SetUtcNow(firstFlush);
        await Eventually.UntilAsync(() => _legacy.StatsAsync(), s => s.Unique == 3, because: "the 10:30 flush sends all three");

        time.Advance(TimeSpan.FromMinutes(1));
        await PunchAsync(gateway, 2);
        var secondFlush = firstFlush.AddMinutes(30);
        await ClosedUntilAsync(gateway, secondFlush);
        time.Advance(TimeSpan.FromMinutes(15));
        await ClosedUntilAsync(gateway, secondFlush);
        Assert.Equal(3, (await _legacy.StatsAsync()).Received);

        time.SetUtcNow(secondFlush);
        await Eventually.UntilAsync(() => _legacy.StatsAsync(), s => s.Unique == 5, because: "the 11:00 flush sends the two new ones");
    }

    [Fact]
    public async Task Pause_stops_new_sends_within_a_second_and_resume_restarts_them()
    {
        // Slow sends (16/s) leave the pause seconds to arrive before all 150 are out, however busy the machine.
        await _legacy.ConfigureAsync(new { latency = "00:00:00.250" });
        await using var gateway = await StartAsync(null, ("Delivery:Destinations:legacy:Concurrency", "4"));
        await PunchAsync(gateway, 150);
        await Eventually.UntilAsync(() => _legacy.StatsAsync(), s => s.Received >= 10, because: "delivery is under way");

        (await gateway.Client.PostAsync("/api/destinations/legacy/pause", null)).EnsureSuccessStatusCode();
        var atPause = (await _legacy.StatsAsync()).Received;

        // The observation window is the claim itself: for a second after the pause, at most the sends
        // already in flight (the concurrency, 4) reach the legacy system.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var afterSecond = (await _legacy.StatsAsync()).Received;
        Assert.InRange(afterSecond - atPause, 0, 4);
        Assert.True((await LegacyAsync(gateway)).Paused);
        Assert.True(afterSecond < 150, "the pause came before everything was sent");

        await _legacy.ConfigureAsync(new { latency = "00:00:00.005" });
        (await gateway.Client.PostAsync("/api/destinations/legacy/resume", null)).EnsureSuccessStatusCode();
        await Eventually.UntilAsync(() => _legacy.StatsAsync(), s => s.Unique == 150, because: "resume sends the rest");
    }
}

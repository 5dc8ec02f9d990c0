using System.Net.Http.Json;
using Sluice.LegacySimulator;

namespace Sluice.Testing;

/// <summary>The real legacy simulator on a free loopback port, with a client for its <c>/_sim</c> API.</summary>
public sealed class TestLegacy : IAsyncDisposable
{
    private readonly LegacySimulatorHost _host;

    private TestLegacy(LegacySimulatorHost host)
    {
        _host = host;
        Client = new HttpClient { BaseAddress = host.BaseAddress };
    }

    public Uri BaseAddress => _host.BaseAddress;

    public SimulatedLegacySystem System => _host.System;

    public HttpClient Client { get; }

    public static async Task<TestLegacy> StartAsync(SimulatorSettings? settings = null, TimeProvider? time = null) =>
        new(await LegacySimulatorHost.StartAsync(settings ?? new SimulatorSettings { Latency = TimeSpan.FromMilliseconds(5) }, "http://127.0.0.1:0", time));

    public async Task<SimulatorStats> StatsAsync() => (await Client.GetFromJsonAsync<SimulatorStats>("/_sim/stats"))!;

    public Task ConfigureAsync(object change) => Client.PostAsJsonAsync("/_sim/config", change).ContinueWith(t => t.Result.EnsureSuccessStatusCode());

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _host.DisposeAsync();
    }
}

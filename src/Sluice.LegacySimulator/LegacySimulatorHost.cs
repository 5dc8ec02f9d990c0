using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Sluice.LegacySimulator;

/// <summary>Runs the simulator on its own Kestrel server: standalone, inside Sluice, or in a test.</summary>
public sealed class LegacySimulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LegacySimulatorHost(WebApplication app, SimulatedLegacySystem system, Uri baseAddress)
    {
        _app = app;
        System = system;
        BaseAddress = baseAddress;
    }

    public SimulatedLegacySystem System { get; }

    public Uri BaseAddress { get; }

    /// <param name="url">Where to listen, e.g. <c>http://127.0.0.1:0</c> for a free port.</param>
    public static async Task<LegacySimulatorHost> StartAsync(
        SimulatorSettings settings,
        string url,
        TimeProvider? time = null,
        Action<ILoggingBuilder>? logging = null,
        CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        logging?.Invoke(builder.Logging);
        // Ahead of the reflection resolver the chain starts with, or the generated code would never be asked.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, SimulatorJsonContext.Default));
        builder.Services.AddProblemDetails();
        var app = builder.Build();
        var system = new SimulatedLegacySystem(settings, time ?? TimeProvider.System);
        app.MapLegacySimulator(system);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LegacySimulatorHost(app, system, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)));
    }

    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

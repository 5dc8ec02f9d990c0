using Microsoft.Extensions.Options;
using Sluice.Delivery.Sinks.Http;
using Sluice.LegacySimulator;

namespace Sluice.Legacy;

/// <summary>
/// Knows where the legacy system is. With no <c>Legacy:BaseUrl</c> it starts the simulator on loopback
/// before delivery begins, so <c>dotnet run</c> (Development) alone gives a complete, working gateway; elsewhere
/// only when <c>Legacy:Simulator:Enabled</c> asks for it, and otherwise refuses to start.
/// </summary>
internal sealed partial class LegacySystem(
    IOptions<LegacyOptions> options, IHostEnvironment environment, TimeProvider time, ILogger<LegacySystem> logger)
    : IHostedService, ILegacyEndpoint, IAsyncDisposable
{
    private LegacySimulatorHost? _simulator;

    public Uri? BaseAddress { get; private set; } = options.Value.BaseUrl;

    /// <summary>The in-process simulator, when one runs.</summary>
    public SimulatedLegacySystem? Simulator => _simulator?.System;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (BaseAddress is not null)
        {
            // A password written into the URL (http://user:secret@legacy/) stays out of the log.
            LogUsingLegacy(BaseAddress.UserInfo.Length == 0 ? BaseAddress : new UriBuilder(BaseAddress) { UserName = "", Password = "" }.Uri);
            return;
        }

        var settings = options.Value.Simulator;
        if (!settings.Enabled && !environment.IsDevelopment())
        {
            // A production start that forgot the URL would otherwise deliver real punches to a test tool.
            throw new OptionsValidationException(LegacyOptions.SectionName, typeof(LegacyOptions), [LegacyOptionsValidator.NoLegacySystem]);
        }

        _simulator = await LegacySimulatorHost.StartAsync(
            SimulatorSettingsFrom(settings), $"http://127.0.0.1:{settings.Port}", time, cancellationToken: cancellationToken);
        BaseAddress = _simulator.BaseAddress;
        LogUsingSimulator(BaseAddress, SimulatorSettingsFrom(settings).DescribeLatency(), settings.Capacity);
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (_simulator is { } simulator)
        {
            _simulator = null;
            await simulator.DisposeAsync();
        }
    }

    internal static SimulatorSettings SimulatorSettingsFrom(InProcessSimulatorOptions options) => new()
    {
        Latency = options.Latency,
        LatencyMax = options.LatencyMax,
        Capacity = options.Capacity,
        QueueLimit = options.QueueLimit,
        ErrorRate = options.ErrorRate,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivering to the legacy system at {BaseUrl}.")]
    private partial void LogUsingLegacy(Uri baseUrl);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "No Legacy:BaseUrl configured: delivering to the in-process legacy simulator at {BaseUrl} ({Latency} per request, capacity {Capacity}).")]
    private partial void LogUsingSimulator(Uri baseUrl, string latency, int capacity);
}

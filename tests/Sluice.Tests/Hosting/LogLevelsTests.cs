using Microsoft.Extensions.Logging;
using Sluice.Testing;

namespace Sluice.Tests.Hosting;

/// <summary>
/// The configured log levels are the ones that apply. The start-up gate that holds back the host's own failure report
/// once replaced <c>Logging:LogLevel:Default</c>, so Debug lines reached production logs and a default of Warning let
/// Information through.
/// </summary>
public sealed class LogLevelsTests
{
    [Fact]
    public async Task With_the_shipped_settings_Debug_is_off_and_Information_on()
    {
        await using var gateway = await TestGateway.StartAsync(Simulated());
        var loggers = gateway.Service<ILoggerFactory>();

        Assert.False(loggers.CreateLogger("Sluice.Delivery.Engine.DestinationWorker").IsEnabled(LogLevel.Debug));
        Assert.False(loggers.CreateLogger("Microsoft.Extensions.Http.DefaultHttpClientFactory").IsEnabled(LogLevel.Debug));
        Assert.False(loggers.CreateLogger("Npgsql.Command").IsEnabled(LogLevel.Debug));
        Assert.True(loggers.CreateLogger("Sluice.Delivery.Engine.DestinationWorker").IsEnabled(LogLevel.Information));
        Assert.False(loggers.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Information));
    }

    [Fact]
    public async Task A_default_of_Warning_silences_Information()
    {
        await using var gateway = await TestGateway.StartAsync(Simulated(("Logging:LogLevel:Default", "Warning")));
        var logger = gateway.Service<ILoggerFactory>().CreateLogger("Sluice.Delivery.Engine.DestinationWorker");

        Assert.False(logger.IsEnabled(LogLevel.Information));
        Assert.True(logger.IsEnabled(LogLevel.Warning));
    }

    [Fact]
    public async Task Once_started_the_hosts_own_errors_are_logged()
    {
        await using var gateway = await TestGateway.StartAsync(Simulated());
        var loggers = gateway.Service<ILoggerFactory>();

        Assert.True(loggers.CreateLogger("Microsoft.Extensions.Hosting.Internal.Host").IsEnabled(LogLevel.Error));
        Assert.True(loggers.CreateLogger("Microsoft.AspNetCore.Server.Kestrel").IsEnabled(LogLevel.Error));
    }

    private static Dictionary<string, string?> Simulated(params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?> { ["Legacy:Simulator:Enabled"] = "true" };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return all;
    }
}

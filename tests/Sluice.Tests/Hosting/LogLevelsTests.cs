using Microsoft.Extensions.Logging;
using Sluice.Testing;

namespace Sluice.Tests.Hosting;

/// <summary>
/// The configured log levels are the ones that apply. The start-up gate that holds back the host's own failure report
/// once replaced <c>Logging:LogLevel:Default</c>, so Debug lines reached production logs and a default of Warning let
/// Information through.
/// </summary>
public sealed class LogLevelsTests : IAsyncLifetime
{
    private TestGateway _shipped = null!;

    public async Task InitializeAsync() => _shipped = await TestGateway.StartAsync(Shipped());

    public Task DisposeAsync() => _shipped.DisposeAsync().AsTask();

    [Theory]
    [InlineData("Sluice.Delivery.Engine.DestinationWorker")]
    [InlineData("Microsoft.Extensions.Http.DefaultHttpClientFactory")]
    [InlineData("Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService")]
    [InlineData("Npgsql.Command")]
    public void With_the_shipped_settings_Debug_is_off(string category) =>
        Assert.False(Logger(_shipped, category).IsEnabled(LogLevel.Debug));

    [Fact]
    public void With_the_shipped_settings_Information_is_on_except_where_a_category_is_set_higher()
    {
        Assert.True(Logger(_shipped, "Sluice.Delivery.Engine.DestinationWorker").IsEnabled(LogLevel.Information));
        Assert.False(Logger(_shipped, "Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Information));
    }

    [Theory]
    [InlineData("Microsoft.Extensions.Hosting.Internal.Host")]
    [InlineData("Microsoft.AspNetCore.Server.Kestrel")]
    public void Once_started_the_hosts_own_errors_are_logged(string category) =>
        Assert.True(Logger(_shipped, category).IsEnabled(LogLevel.Error));

    [Fact]
    public async Task A_default_of_Warning_silences_Information()
    {
        var settings = Shipped();
        settings["Logging:LogLevel:Default"] = "Warning";
        await using var gateway = await TestGateway.StartAsync(settings);
        var logger = Logger(gateway, "Sluice.Delivery.Engine.DestinationWorker");

        Assert.False(logger.IsEnabled(LogLevel.Information));
        Assert.True(logger.IsEnabled(LogLevel.Warning));
    }

    private static ILogger Logger(TestGateway gateway, string category) =>
        gateway.Service<ILoggerFactory>().CreateLogger(category);

    /// <summary>The shipped settings, with the bundled legacy simulator (a test needs a legacy system).</summary>
    private static Dictionary<string, string?> Shipped() => new() { ["Legacy:Simulator:Enabled"] = "true" };
}

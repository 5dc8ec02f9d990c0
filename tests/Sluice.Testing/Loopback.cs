using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Sluice.Testing;

/// <summary>
/// Small real HTTP servers for tests (a legacy system with a particular answer, a trace collector, an API to call):
/// Kestrel on a free port of 127.0.0.1, quiet, with the address it chose read back once it listens.
/// </summary>
public static class Loopback
{
    /// <summary>A slim builder bound to a free loopback port, with no log output.</summary>
    public static WebApplicationBuilder CreateBuilder()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        return builder;
    }

    /// <summary>Starts the app and returns the address Kestrel bound (the port is only known once it listens).</summary>
    public static async Task<Uri> StartListeningAsync(this WebApplication app)
    {
        await app.StartAsync();
        return new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }
}

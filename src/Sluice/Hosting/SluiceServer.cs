using Microsoft.Extensions.Options;

namespace Sluice.Hosting;

/// <summary>Builds and runs the gateway; tests build it the same way on a free port.</summary>
public static class SluiceServer
{
    public const string DefaultUrl = "http://localhost:5080";

    private static readonly HashSet<string> HostCategories =
        ["Microsoft.Extensions.Hosting.Internal.Host", "Microsoft.AspNetCore.Hosting.Diagnostics", "Microsoft.AspNetCore.Server.Kestrel"];

    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            await using var app = Build(args);
            await app.RunAsync();
            return 0;
        }
        catch (Exception ex) when (ConfigurationProblem(ex) is { } problems)
        {
            await Console.Error.WriteLineAsync("Sluice cannot start:");
            foreach (var problem in problems)
            {
                await Console.Error.WriteLineAsync($"  - {problem}");
            }

            return 2;
        }
        catch (Exception ex)
        {
            // Not a setting's fault: everything the runtime knows, for a bug report.
            await Console.Error.WriteLineAsync($"Sluice stopped on an unexpected error: {ex}");
            return 1;
        }
    }

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // Settings files travel with the binary; relative data paths stay relative to the working folder.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // Until the host has started, a failure is reported by RunAsync in a few lines naming the setting; the host's
        // own report of it is the same failure as a 50-line stack trace, so it is held back until then.
        var started = new StartupGate();
        builder.Logging.AddFilter((_, category, level) => started.IsOpen || level < LogLevel.Error || !HostCategories.Contains(category ?? ""));
        builder.AddSluice();
        configure?.Invoke(builder);
        var app = builder.Build();
        app.Lifetime.ApplicationStarted.Register(started.Open);
        app.UseSluice();
        return app;
    }

    /// <summary>What to print for a failure to start, or null for one no setting explains (see <see cref="StartupFailure"/>).</summary>
    internal static IEnumerable<string>? ConfigurationProblem(Exception ex) => StartupFailure.Describe(ex);

    private sealed class StartupGate
    {
        private volatile bool _open;

        public bool IsOpen => _open;

        public void Open() => _open = true;
    }
}

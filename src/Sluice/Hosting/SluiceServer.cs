using Microsoft.Extensions.Options;

namespace Sluice.Hosting;

/// <summary>Builds and runs the gateway; tests build it the same way on a free port.</summary>
public static class SluiceServer
{
    public const string DefaultUrl = "http://localhost:5080";

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

        var started = new StartupLogGate();
        started.AddTo(builder.Logging);
        builder.AddSluice();
        configure?.Invoke(builder);
        var app = builder.Build();
        app.Lifetime.ApplicationStarted.Register(started.Open);
        app.UseSluice();
        return app;
    }

    /// <summary>What to print for a failure to start, or null for one no setting explains (see <see cref="StartupFailure"/>).</summary>
    internal static IEnumerable<string>? ConfigurationProblem(Exception ex) => StartupFailure.Describe(ex);
}

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
            await Console.Error.WriteLineAsync("Sluice cannot start: the configuration is invalid.");
            foreach (var problem in problems)
            {
                await Console.Error.WriteLineAsync($"  - {problem}");
            }

            return 2;
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

        builder.AddSluice();
        configure?.Invoke(builder);
        var app = builder.Build();
        app.UseSluice();
        return app;
    }

    internal static IEnumerable<string>? ConfigurationProblem(Exception ex) => ex switch
    {
        OptionsValidationException validation => validation.Failures,
        InvalidOperationException { InnerException: not null } binding when binding.Message.Contains("configuration", StringComparison.OrdinalIgnoreCase)
            => [binding.Message, binding.InnerException!.Message],
        AggregateException aggregate => aggregate.InnerExceptions.SelectMany(e => ConfigurationProblem(e) ?? []).ToList() is { Count: > 0 } all ? all : null,
        _ => null,
    };
}

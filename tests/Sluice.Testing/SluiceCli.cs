using System.Diagnostics;
using Sluice.Hosting;

namespace Sluice.Testing;

/// <summary>Runs the built <c>Sluice.dll</c> with command-line arguments, as a user would, and collects what it printed.</summary>
public static class SluiceCli
{
    public static Task<(int ExitCode, string Output)> RunAsync(params string[] arguments) => RunAsync(new Dictionary<string, string>(), arguments);

    /// <param name="environment">Environment variables for the process (e.g. SLUICE_SERVER), on top of this one's.</param>
    public static async Task<(int ExitCode, string Output)> RunAsync(IDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(typeof(SluiceServer).Assembly.Location);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}

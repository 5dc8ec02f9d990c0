using System.Diagnostics;
using Sluice.Hosting;

namespace Sluice.Testing;

/// <summary>Runs the built <c>Sluice.dll</c> with command-line arguments, as a user would, and collects what it printed.</summary>
public static class SluiceCli
{
    public static Task<(int ExitCode, string Output)> RunAsync(params string[] arguments) => RunAsync(new Dictionary<string, string>(), arguments);

    /// <summary>
    /// Starts the gateway with <paramref name="settings"/> on a free port and a journal in a folder of its own, for
    /// settings it must refuse: it should exit at once (a gateway that starts runs until the two-minute timeout).
    /// It has the test signing key and asks for the simulator, so the only problem is the one the test gives (a later
    /// setting wins).
    /// </summary>
    public static async Task<(int ExitCode, string Output)> StartGatewayAsync(params string[] settings)
    {
        using var folder = new TempFolder();
        return await RunAsync(
        [
            "--urls=http://127.0.0.1:0", $"--Journal:Path={folder.File("sluice.db")}", "--Legacy:Simulator:Enabled=true",
            .. TestCredentials.Settings.Select(s => $"--{s.Key}={s.Value}"), .. settings,
        ]);
    }

    /// <param name="environment">Environment variables for the process (e.g. SLUICE_SERVER), on top of this one's.</param>
    public static Task<(int ExitCode, string Output)> RunAsync(IDictionary<string, string> environment, params string[] arguments) =>
        RunProgramAsync(typeof(SluiceServer).Assembly.Location, environment, arguments);

    /// <summary>Runs another program of the solution (e.g. the benchmarks' executable) as <see cref="RunAsync(string[])"/> runs Sluice.</summary>
    public static async Task<(int ExitCode, string Output)> RunProgramAsync(string program, IDictionary<string, string> environment, params string[] arguments)
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

        start.ArgumentList.Add(program);
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

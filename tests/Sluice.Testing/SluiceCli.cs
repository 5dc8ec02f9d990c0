using Sluice.Hosting;

namespace Sluice.Testing;

/// <summary>Runs the built <c>Sluice.dll</c> with command-line arguments, as a user would, and collects what it printed.</summary>
public static class SluiceCli
{
    public static Task<ToolOutput> RunAsync(params string[] arguments) => RunAsync(new Dictionary<string, string>(), arguments);

    /// <summary>
    /// Starts the gateway with <paramref name="settings"/> on a free port and a journal in a folder of its own, for
    /// settings it must refuse: it should exit at once (a gateway that starts runs until the two-minute timeout).
    /// It has the test signing key and asks for the simulator, so the only problem is the one the test gives (a later
    /// setting wins).
    /// </summary>
    public static async Task<ToolOutput> StartGatewayAsync(params string[] settings)
    {
        using var folder = new TempFolder();
        return await RunAsync(
        [
            "--urls=http://127.0.0.1:0", $"--Journal:Path={folder.File("sluice.db")}", "--Legacy:Simulator:Enabled=true",
            .. TestCredentials.Settings.Select(s => $"--{s.Key}={s.Value}"), .. settings,
        ]);
    }

    /// <param name="environment">Environment variables for the process (e.g. SLUICE_SERVER), on top of this one's.</param>
    public static Task<ToolOutput> RunAsync(IDictionary<string, string> environment, params string[] arguments) =>
        RunProgramAsync(typeof(SluiceServer).Assembly.Location, environment, arguments);

    /// <summary>Runs another program of the solution (e.g. the benchmarks' executable) as <see cref="RunAsync(string[])"/> runs Sluice.</summary>
    public static Task<ToolOutput> RunProgramAsync(string program, IDictionary<string, string> environment, params string[] arguments) =>
        ExternalTool.RunAsync(
            "dotnet", [program, .. arguments], environment: environment.ToDictionary(e => e.Key, string? (e) => e.Value), timeout: TimeSpan.FromMinutes(2));
}

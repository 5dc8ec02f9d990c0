using Sluice.Testing;
using Xunit.Abstractions;

namespace Sluice.Tests.Deploy;

/// <summary>
/// bench/drills.sh in its short form: the published executable as three nodes behind nginx on one PostgreSQL,
/// through a rolling restart, a SIGKILL and a PostgreSQL restart under load (what each proves is in the script).
/// </summary>
public sealed class DrillTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Rolling_restart_a_killed_node_and_a_PostgreSQL_restart_lose_nothing_acknowledged_behind_nginx()
    {
        // Checked here rather than installed by the script: a machine without them must fail, not skip or install.
        Tool.Require("nginx", "nginx");
        Assert.True(Directory.Exists("/usr/lib/postgresql") && Directory.GetDirectories("/usr/lib/postgresql").Any(
            v => System.IO.File.Exists(Path.Combine(v, "bin", "initdb"))), "The drills need Debian's 'postgresql' package (./test.sh installs it).");
        using var results = new TempFolder();

        var (exit, printed) = await RunDrillsAsync(results.Path);

        output.WriteLine(printed);
        Assert.True(exit == 0, $"bench/drills.sh short exited {exit}:\n{printed}");
        var table = System.IO.File.ReadAllText(results.File("drills.md"));
        foreach (var drill in new[] { "rolling", "kill", "postgres" })
        {
            Assert.Contains(table.Split('\n'), line => line.StartsWith($"| {drill} |", StringComparison.Ordinal) && line.TrimEnd().EndsWith("| pass |", StringComparison.Ordinal));
        }
    }

    private static async Task<(int ExitCode, string Output)> RunDrillsAsync(string resultsFolder)
    {
        var start = new System.Diagnostics.ProcessStartInfo(Repository.File("bench", "drills.sh"))
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repository.Root,
        };
        start.ArgumentList.Add("short");
        start.Environment["DRILLS_OUT"] = resultsFolder;
        start.Environment.Remove("SLUICE_PUBLISHED");
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // Publishing the executable is most of it on a busy machine; the drills themselves take about a minute.
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bench/drills.sh short did not finish within 15 minutes:\n{await stdout}\n{await stderr}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}

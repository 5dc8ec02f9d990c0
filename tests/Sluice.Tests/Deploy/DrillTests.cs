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
        ExternalTool.Require("nginx", "nginx");
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

    // Publishing the executable is most of it on a busy machine; the drills themselves take about a minute.
    private static Task<ToolOutput> RunDrillsAsync(string resultsFolder) =>
        ExternalTool.RunAsync(
            Repository.File("bench", "drills.sh"), ["short"],
            environment: new Dictionary<string, string?> { ["DRILLS_OUT"] = resultsFolder, ["SLUICE_PUBLISHED"] = null },
            workingDirectory: Repository.Root, timeout: TimeSpan.FromMinutes(15));
}

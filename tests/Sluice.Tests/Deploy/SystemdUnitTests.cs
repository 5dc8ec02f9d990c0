using Sluice.Testing;

namespace Sluice.Tests.Deploy;

/// <summary>deploy/systemd/sluice.service as systemd itself reads it.</summary>
public sealed class SystemdUnitTests
{
    private static string Unit => System.IO.File.ReadAllText(Repository.File("deploy", "systemd", "sluice.service"));

    [Fact]
    public async Task Systemd_analyze_verify_accepts_the_unit_without_a_single_complaint()
    {
        var analyze = ExternalTool.Require("systemd-analyze", "systemd");
        // A root of its own: the unit where an install puts it, an executable where ExecStart names it, and the
        // machine's own system units (the targets it is ordered after), so verify checks everything it can.
        using var root = new TempFolder();
        Directory.CreateDirectory(root.File("etc/systemd/system"));
        System.IO.File.Copy(Repository.File("deploy", "systemd", "sluice.service"), root.File("etc/systemd/system/sluice.service"));
        Directory.CreateDirectory(root.File("opt/sluice"));
        System.IO.File.WriteAllText(root.File("opt/sluice/Sluice"), "#!/bin/sh\n");
        Assert.Equal(0, (await ExternalTool.RunAsync("chmod", ["+x", root.File("opt/sluice/Sluice")])).ExitCode);
        Directory.CreateDirectory(root.File("usr/lib/systemd"));
        var (copied, copyOutput) = await ExternalTool.RunAsync("cp", ["-r", "/usr/lib/systemd/system", root.File("usr/lib/systemd/")]);
        Assert.True(copied == 0, copyOutput);

        var (exit, printed) = await ExternalTool.RunAsync(analyze, ["verify", $"--root={root.Path}", "/etc/systemd/system/sluice.service"]);

        // verify exits 0 after a line it could not parse (it ignores the line): anything printed is a failure too.
        Assert.True(exit == 0 && string.IsNullOrWhiteSpace(printed), $"systemd-analyze verify exited {exit}:\n{printed}");
    }

    [Fact]
    public void The_unit_waits_longer_than_the_graceful_stop_and_is_hardened()
    {
        var settings = Unit.Split('\n').Select(l => l.Trim()).Where(l => l.Contains('=', StringComparison.Ordinal) && !l.StartsWith('#'))
            .Select(l => l.Split('=', 2)).ToLookup(p => p[0], p => p[1]);

        Assert.True(int.Parse(settings["TimeoutStopSec"].Single(), System.Globalization.CultureInfo.InvariantCulture) >
            new Sluice.Hosting.ShutdownOptions().Timeout.TotalSeconds, "systemd would SIGKILL a node inside its graceful stop");
        foreach (var (key, value) in new[]
        {
            ("ProtectSystem", "strict"), ("NoNewPrivileges", "yes"), ("PrivateTmp", "yes"), ("DynamicUser", "yes"),
            ("StateDirectory", "sluice"), ("Restart", "always"), ("RestartPreventExitStatus", "2"),
        })
        {
            Assert.Equal(value, settings[key].Single());
        }
    }
}

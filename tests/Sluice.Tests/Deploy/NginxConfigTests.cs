using Sluice.Testing;

namespace Sluice.Tests.Deploy;

/// <summary>deploy/nginx/sluice.conf, the file compose mounts, as nginx itself reads it.</summary>
public sealed class NginxConfigTests
{
    [Fact]
    public async Task Nginx_accepts_the_configuration_compose_and_the_drills_use()
    {
        var nginx = ExternalTool.Require("nginx", "nginx");
        using var folder = new TempFolder();
        var (written, writeOutput) = await ExternalTool.RunAsync(Repository.File("bench", "nginx-local.sh"), [folder.Path, "18080", "18081", "18082", "18083"]);
        Assert.True(written == 0, writeOutput);

        var (exit, printed) = await ExternalTool.RunAsync(nginx, ["-t", "-p", folder.Path, "-c", folder.File("nginx.conf"), "-e", folder.File("error.log")]);

        Assert.True(exit == 0, $"nginx -t exited {exit}:\n{printed}");
        Assert.Contains("test is successful", printed, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_names_every_node_in_the_upstream_the_configuration_includes()
    {
        var upstreams = System.IO.File.ReadAllLines(Repository.File("deploy", "nginx", "compose", "sluice-upstreams.conf"));
        var compose = System.IO.File.ReadAllText(Repository.File("deploy", "compose.yaml"));

        Assert.Equal(3, upstreams.Length);
        foreach (var node in new[] { "sluice-1", "sluice-2", "sluice-3" })
        {
            Assert.Contains(upstreams, line => line.StartsWith($"server {node}:8080 ", StringComparison.Ordinal));
            Assert.Contains($"\n  {node}:\n", compose, StringComparison.Ordinal);
        }
    }
}

using Sluice.Testing;

namespace Sluice.Tests.Deploy;

/// <summary>
/// The repository's shell scripts (the test command, CI, the benches, the publish script) as ShellCheck reads them:
/// no warning or error, sourced files followed. It once found exports that hid a failed command's status and an array
/// filled by word splitting.
/// </summary>
public sealed class ShellScriptsTests
{
    private static readonly string[] ScriptFolders = ["bench", "deploy"];

    [Fact]
    public async Task ShellCheck_finds_no_warning_in_any_script()
    {
        var shellcheck = ExternalTool.Require("shellcheck", "shellcheck");
        string[] scripts =
        [
            "test.sh",
            Path.Combine(".ci", "run"),
            .. ScriptFolders.SelectMany(folder =>
                Directory.EnumerateFiles(Repository.File(folder), "*.sh", SearchOption.AllDirectories)
                    .Select(path => Path.GetRelativePath(Repository.Root, path))),
        ];
        Assert.Contains(Path.Combine("bench", "intake.sh"), scripts);

        var (exit, printed) = await ExternalTool.RunAsync(
            shellcheck, ["--external-sources", "--severity=warning", "--format=gcc", .. scripts], workingDirectory: Repository.Root);

        Assert.True(exit == 0 && string.IsNullOrWhiteSpace(printed), $"shellcheck exited {exit}:\n{printed}");
    }
}

using System.Diagnostics;
using System.Text.RegularExpressions;
using Sluice.Tests.Docs.Readme;
using Xunit.Abstractions;

namespace Sluice.Tests.Docs;

/// <summary>The README's examples, run as written: the Quick start and every example after it, in order.</summary>
public sealed partial class ReadmeTests(ITestOutputHelper output)
{
    private static readonly string Readme = File.ReadAllText(Repository.File("README.md"));

    [Fact]
    public async Task Every_bash_block_of_the_README_runs_in_order_on_a_fresh_data_folder()
    {
        var blocks = ReadmeBlocks.Parse(Readme);
        await using var shell = new ReadmeShell(Repository.Root);
        var clock = Stopwatch.StartNew();
        foreach (var block in blocks)
        {
            var started = clock.Elapsed;
            switch (block.Kind)
            {
                case ReadmeBlockKind.Skip:
                    output.WriteLine($"line {block.Line}: skipped, {block.Detail}");
                    continue;
                case ReadmeBlockKind.Server:
                    await shell.StartServerAsync(block);
                    break;
                default:
                    var (exitCode, printed) = await shell.RunAsync(block);
                    Assert.True(exitCode == 0,
                        $"The block at README line {block.Line} exited with {exitCode}:\n{block.Code}\n--- it printed:\n{printed}\n{shell.ServersOutput()}");
                    output.WriteLine(printed.Length > 2000 ? printed[..2000] + "…" : printed);
                    break;
            }

            output.WriteLine($"line {block.Line}: {block.Kind} in {(clock.Elapsed - started).TotalSeconds:0.0} s");
        }

        Assert.True(Directory.Exists(Path.Combine(shell.Folder, "data")), "The Quick start's journal was not made in the fresh folder's ./data.");
        output.WriteLine($"all blocks in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public void The_Quick_start_starts_Sluice_then_runs_without_skipping_a_block()
    {
        var blocks = ReadmeBlocks.Parse(Readme);
        var quickStart = Readme.IndexOf("## Quick start", StringComparison.Ordinal);
        var next = Readme.IndexOf("\n## ", quickStart + 1, StringComparison.Ordinal);
        var firstLine = Readme[..quickStart].Count(c => c == '\n') + 1;
        var lastLine = Readme[..next].Count(c => c == '\n') + 1;
        var inQuickStart = blocks.Where(b => b.Line > firstLine && b.Line < lastLine).ToList();

        Assert.Equal(ReadmeBlockKind.Server, inQuickStart[0].Kind);
        Assert.Equal("dotnet run --project src/Sluice", inQuickStart[0].Code.Trim());
        Assert.All(inQuickStart.Skip(1), b => Assert.Equal(ReadmeBlockKind.Run, b.Kind));
        Assert.Contains(inQuickStart, b => b.Code.Contains("token --role admin", StringComparison.Ordinal));
        Assert.Contains(inQuickStart, b => b.Code.Contains("/api/punches", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_link_within_the_README_names_one_of_its_headings()
    {
        var headings = Headings().Matches(Readme).Select(m => Anchor(m.Groups["title"].Value)).ToHashSet();
        var broken = Links().Matches(Readme).Select(m => m.Groups["anchor"].Value).Where(a => !headings.Contains(a)).Distinct().ToList();
        Assert.Empty(broken);
    }

    /// <summary>GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens.</summary>
    private static string Anchor(string title) =>
        Regex.Replace(title.Trim().ToLowerInvariant().Replace("`", "", StringComparison.Ordinal), @"[^\p{L}\p{N} _-]", "").Replace(' ', '-');

    [GeneratedRegex(@"^#{1,6} (?<title>.+)$", RegexOptions.Multiline)]
    private static partial Regex Headings();

    [GeneratedRegex(@"\]\(#(?<anchor>[^)]+)\)")]
    private static partial Regex Links();
}

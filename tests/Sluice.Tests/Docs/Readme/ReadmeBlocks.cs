using System.Text.RegularExpressions;

namespace Sluice.Tests.Docs.Readme;

/// <summary>The README's <c>bash</c> blocks, in order, each with what its marker asks for.</summary>
internal static partial class ReadmeBlocks
{
    public static IReadOnlyList<ReadmeBlock> Parse(string markdown)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var blocks = new List<ReadmeBlock>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }

            var language = lines[i][3..].Trim();
            var start = i;
            var code = new List<string>();
            for (i++; i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal); i++)
            {
                code.Add(lines[i]);
            }

            if (i == lines.Length)
            {
                throw new FormatException($"README line {start + 1}: a code block that never ends.");
            }

            var marker = start > 0 ? lines[start - 1].Trim() : "";
            if (language != "bash")
            {
                if (marker.StartsWith("<!-- readme-test", StringComparison.Ordinal))
                {
                    throw new FormatException($"README line {start}: a readme-test marker before a '{language}' block, which is never run.");
                }

                continue;
            }

            blocks.Add(Block(start + 1, string.Join('\n', code), marker));
        }

        return blocks;
    }

    private static ReadmeBlock Block(int line, string code, string marker)
    {
        if (!marker.StartsWith("<!-- readme-test", StringComparison.Ordinal))
        {
            return new ReadmeBlock(line, code, ReadmeBlockKind.Run, null);
        }

        if (ServerMarker().Match(marker) is { Success: true } server)
        {
            return new ReadmeBlock(line, code, ReadmeBlockKind.Server, server.Groups["url"].Value);
        }

        if (SkipMarker().Match(marker) is { Success: true } skip)
        {
            return new ReadmeBlock(line, code, ReadmeBlockKind.Skip, skip.Groups["reason"].Value.Trim());
        }

        // A misspelt marker would otherwise run a block meant to be skipped, or skip one meant to run.
        throw new FormatException($"README line {line - 1}: '{marker}' is neither 'readme-test server URL' nor 'readme-test skip: reason'.");
    }

    [GeneratedRegex(@"^<!-- readme-test server (?<url>https?://\S+) -->$")]
    private static partial Regex ServerMarker();

    [GeneratedRegex(@"^<!-- readme-test skip: (?<reason>\S.*\S) -->$")]
    private static partial Regex SkipMarker();
}

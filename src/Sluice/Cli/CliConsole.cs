using Spectre.Console;

namespace Sluice.Cli;

/// <summary>
/// The Spectre console the commands write tables and progress to. On a terminal it styles and redraws; redirected
/// (a pipe, a file, a CI log) it writes plain text: no escape codes, and rows never wrapped, so grep and awk see one
/// row per line.
/// </summary>
internal static class CliConsole
{
    private static readonly Lazy<IAnsiConsole> Standard = new(() => Create(Console.Out, Console.IsOutputRedirected));

    public static IAnsiConsole Out => Standard.Value;

    public static IAnsiConsole Create(TextWriter writer, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = redirected ? InteractionSupport.No : InteractionSupport.Detect,
            // Spectre's CI enrichers (GITHUB_ACTIONS and the like) turn escape codes back on whatever was asked above.
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = !redirected },
        });
        if (redirected)
        {
            // Spectre takes 80 columns when it cannot ask a terminal, and would wrap a dead letter's row over several lines.
            console.Profile.Width = 1 << 16;
        }

        return console;
    }
}

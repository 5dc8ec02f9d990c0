using System.CommandLine;
using Sluice.Hosting;
using Sluice.Journal;

namespace Sluice.Cli;

/// <summary>
/// Commands that work on the journal's database without serving (<c>migrate</c>, <c>verify</c>, <c>orders populate</c>):
/// the gateway is built from its own configuration (appsettings.json, environment, the unmatched <c>--Key=value</c>
/// arguments), the schema brought up to date, the work done, and the process exits.
/// </summary>
internal static class JournalCommand
{
    /// <summary>Exit code 2 when the configuration is invalid; <paramref name="failedExitCode"/> when the journal refuses.</summary>
    public static async Task<int> RunAsync(
        string name, ParseResult result, Func<IServiceProvider, Task<int>> work, CancellationToken cancellationToken, int failedExitCode = 1)
    {
        try
        {
            await using var app = SluiceServer.Build([.. result.UnmatchedTokens]);
            await app.Services.GetRequiredService<IJournal>().InitializeAsync(cancellationToken);
            return await work(app.Services);
        }
        catch (Exception ex) when (SluiceServer.ConfigurationProblem(ex) is { } problems)
        {
            await Console.Error.WriteLineAsync($"{name}: the configuration is invalid: {string.Join("; ", problems)}");
            return 2;
        }
        catch (InvalidOperationException ex)
        {
            await Console.Error.WriteLineAsync($"{name}: {ex.Message}");
            return failedExitCode;
        }
    }
}

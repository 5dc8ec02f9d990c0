using System.CommandLine;
using Sluice.Hosting;
using Sluice.Journal;

namespace Sluice.Cli;

/// <summary><c>sluice migrate</c>: brings the journal's schema up to date ahead of a deployment, then exits.</summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate",
            "Apply the journal's schema migrations and exit. Reads the gateway's configuration: appsettings.json, " +
            "environment variables (e.g. Journal__Engine=postgres, ConnectionStrings__Journal=...) and --Key=value arguments.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            try
            {
                await using var app = SluiceServer.Build([.. result.UnmatchedTokens]);
                var journal = app.Services.GetRequiredService<IJournal>();
                await journal.InitializeAsync(cancellationToken);
                Console.WriteLine($"The {journal.GetType().Name} schema is up to date.");
                return 0;
            }
            catch (Exception ex) when (SluiceServer.ConfigurationProblem(ex) is { } problems)
            {
                await Console.Error.WriteLineAsync($"migrate: the configuration is invalid: {string.Join("; ", problems)}");
                return 2;
            }
            catch (InvalidOperationException ex)
            {
                await Console.Error.WriteLineAsync($"migrate: {ex.Message}");
                return 1;
            }
        });
        return command;
    }
}

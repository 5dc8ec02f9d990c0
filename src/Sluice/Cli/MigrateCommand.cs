using System.CommandLine;
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
        command.SetAction((result, cancellationToken) => JournalCommand.RunAsync("migrate", result, services =>
        {
            Console.WriteLine($"The {services.GetRequiredService<IJournal>().GetType().Name} schema is up to date.");
            return Task.FromResult(0);
        }, cancellationToken));
        return command;
    }
}

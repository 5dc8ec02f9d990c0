using System.CommandLine;
using Sluice.Punches.Ledger;

namespace Sluice.Cli;

/// <summary><c>sluice verify</c>: walks each establishment's NSR sequence and hash chain in the journal's database.</summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var establishment = new Option<Guid?>("--establishment") { Description = "Verify only this establishment (default: every one)." };
        var command = new Command("verify",
            "Verify the punch ledger: NSRs gap-free and every punch's hash chained to the previous one. Exit code 0 when all hold, 1 when " +
            "one does not (the first bad NSR is printed). Reads the gateway's configuration like `migrate`.")
        {
            establishment,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((result, cancellationToken) => JournalCommand.RunAsync("verify", result, async services =>
        {
            var broken = 0;
            var audit = services.GetRequiredService<LedgerAudit>();
            await foreach (var verification in audit.VerifyAsync(result.GetValue(establishment), cancellationToken))
            {
                var id = verification.EstablishmentId;
                if (verification.Valid)
                {
                    Console.WriteLine($"{id}: OK, {verification.Records} records ({verification.Punches} punches), NSR 1..{verification.LastNsr}.");
                }
                else
                {
                    broken++;
                    Console.WriteLine($"{id}: BROKEN at NSR {verification.FirstBadNsr}: {verification.Problem}");
                }
            }

            return broken == 0 ? 0 : 1;
        }, cancellationToken, failedExitCode: 2));
        return command;
    }
}

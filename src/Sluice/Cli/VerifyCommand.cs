using System.CommandLine;
using Sluice.Hosting;
using Sluice.Journal;
using Sluice.Punches.Ledger;
using Sluice.Punches.Registry;

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
        command.SetAction(async (result, cancellationToken) =>
        {
            try
            {
                await using var app = SluiceServer.Build([.. result.UnmatchedTokens]);
                await app.Services.GetRequiredService<IJournal>().InitializeAsync(cancellationToken);
                var snapshot = await app.Services.GetRequiredService<EmployeeDirectory>().ReloadAsync(cancellationToken);
                var verifier = app.Services.GetRequiredService<ChainVerifier>();
                var ids = result.GetValue(establishment) is { } only ? [only] : snapshot.Establishments.Keys.Order().ToList();
                var broken = 0;
                foreach (var id in ids)
                {
                    var verification = await verifier.VerifyAsync(id, cancellationToken);
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
            }
            catch (Exception ex) when (SluiceServer.ConfigurationProblem(ex) is { } problems)
            {
                await Console.Error.WriteLineAsync($"verify: the configuration is invalid: {string.Join("; ", problems)}");
                return 2;
            }
            catch (InvalidOperationException ex)
            {
                await Console.Error.WriteLineAsync($"verify: {ex.Message}");
                return 2;
            }
        });
        return command;
    }
}

using System.CommandLine;
using Sluice.Hosting;

namespace Sluice.Bench.Noop;

/// <summary>
/// <c>serve</c>: the gateway as shipped, plus <c>POST /_bench/noop</c>, the yardstick the intake and profile
/// benches measure the journal's cost against. Every other argument configures the gateway as it would Sluice.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Run the gateway with the no-store baseline endpoint POST /_bench/noop.");
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var app = SluiceServer.Build([.. result.UnmatchedTokens]);
            app.MapBenchmarkBaseline();
            await app.RunAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}

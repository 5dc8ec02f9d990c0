using System.Diagnostics.CodeAnalysis;
using Sluice.Punches.Ledger;
using Sluice.Testing;

namespace Sluice.Tests.Punches.LegalRecord;

/// <summary>The REP-P's type 6 events: a node starting (07), stopping in good order (08), and coming back after dying (02).</summary>
[SuppressMessage("Design", "CA1001", Justification = "xUnit calls IAsyncLifetime.DisposeAsync, which disposes it; the rule does not know that interface.")]
public sealed class ServiceEventTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    private string JournalPath => Path.Combine(_folder.Path, "sluice.db");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_start_writes_07_a_graceful_stop_08_and_a_start_after_a_kill_02_then_07_in_the_establishments_sequence()
    {
        Guid establishment;
        await using (var first = await TestGateway.StartAsync(AfdLines.Settings(null), JournalPath))
        {
            establishment = await first.EstablishmentAsync(); // no establishment when it started: nothing to record then
        }

        await using (await TestGateway.StartAsync(AfdLines.Settings(null), JournalPath))
        {
        }

        var settings = AfdLines.Settings(null);
        settings["Journal:Path"] = JournalPath;
        await using (var killed = await GatewayProcess.StartAsync(settings))
        {
            await killed.KillAsync(); // SIGKILL: no stop is recorded
        }

        await using var last = await TestGateway.StartAsync(AfdLines.Settings(null), JournalPath);
        var lines = await AfdLines.ReadAsync(last.Client, establishment);

        Assert.Equal(["2", "6", "6", "6", "6", "6", "6"], lines[1..^2].Select(l => l[9..10]));
        Assert.Equal(["08", "07", "08", "07", "02", "07"], AfdLines.Events(lines));
        Assert.All(AfdLines.OfType(lines, '6'), l => Assert.Equal(36, l.Length));
        Assert.All(AfdLines.OfType(lines, '6'), l => Assert.EndsWith("-0300", l[10..34], StringComparison.Ordinal));
        var verification = await last.Service<ChainVerifier>().VerifyAsync(establishment, CancellationToken.None);
        Assert.True(verification.Valid, verification.Problem);
        Assert.Equal(7, verification.LastNsr);
    }
}

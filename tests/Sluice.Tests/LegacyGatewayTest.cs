using Sluice.LegacySimulator;
using Sluice.Testing;

namespace Sluice.Tests;

/// <summary>
/// A gateway in front of its own legacy simulator, both started for each test (xunit makes one instance per test)
/// and stopped after it. Derived classes shape the simulator and the settings, and add what else they need.
/// </summary>
public abstract class LegacyGatewayTest : IAsyncLifetime
{
    protected TestLegacy Legacy { get; private set; } = null!;

    protected TestGateway Gateway { get; private set; } = null!;

    /// <summary>How the simulator behaves; by default it answers at once, without a capacity limit.</summary>
    protected virtual SimulatorSettings? LegacySettings => null;

    /// <summary>Changes to <see cref="TestGateway.Defaults"/> before the gateway starts.</summary>
    protected virtual void Configure(IDictionary<string, string?> settings)
    {
    }

    public virtual async Task InitializeAsync()
    {
        Legacy = await TestLegacy.StartAsync(LegacySettings);
        var settings = TestGateway.Defaults(Legacy.BaseAddress);
        Configure(settings);
        Gateway = await TestGateway.StartAsync(settings);
    }

    public virtual async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Legacy.DisposeAsync();
    }
}

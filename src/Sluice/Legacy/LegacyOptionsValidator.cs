using Microsoft.Extensions.Options;
using Sluice.LegacySimulator;

namespace Sluice.Legacy;

internal sealed class LegacyOptionsValidator : IValidateOptions<LegacyOptions>
{
    /// <summary>
    /// Checked when the gateway starts (<see cref="LegacySystem.StartAsync"/>), not with the other settings: commands
    /// that only read the journal (<c>verify</c>, <c>migrate</c>, <c>orders populate</c>) deliver nothing and need no legacy system.
    /// </summary>
    public const string NoLegacySystem =
        "Legacy:BaseUrl is not set: name the legacy system's URL, or set Legacy:Simulator:Enabled=true to deliver to the bundled simulator (a test tool).";

    public ValidateOptionsResult Validate(string? name, LegacyOptions options)
    {
        var errors = new List<string>();
        if (options.BaseUrl is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https")))
        {
            errors.Add($"Legacy:BaseUrl '{url}' must be an absolute http or https URL.");
        }

        if (options.Simulator.Port is < 0 or > 65535)
        {
            errors.Add("Legacy:Simulator:Port must be between 0 and 65535.");
        }

        errors.AddRange(LegacySystem.SimulatorSettingsFrom(options.Simulator).Validate().Select(e => $"Legacy:Simulator: {e}."));
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

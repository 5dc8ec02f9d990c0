using Microsoft.Extensions.Options;

namespace Sluice.Replies;

internal sealed class RepliesOptionsValidator : IValidateOptions<RepliesOptions>
{
    /// <summary>A client held longer than this is better served by polling; a route may not grant more either.</summary>
    public static readonly TimeSpan MaxWaitCeiling = TimeSpan.FromMinutes(5);

    public ValidateOptionsResult Validate(string? name, RepliesOptions options)
    {
        var errors = new List<string>();
        if (options.MaxWait < TimeSpan.Zero || options.MaxWait > MaxWaitCeiling)
        {
            errors.Add($"Replies:MaxWait must be between 0 and {MaxWaitCeiling}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

using Microsoft.Extensions.Options;

namespace Sluice.Security;

/// <summary>
/// Refuses the development signing key (committed in appsettings.Development.json, so known to everyone) in any
/// environment but Development: anyone could mint an admin token with it.
/// </summary>
internal sealed class DevelopmentKeyGuard(IHostEnvironment environment) : IValidateOptions<JwtOptions>
{
    public const string DevelopmentKeyPrefix = "development-only-";

    public ValidateOptionsResult Validate(string? name, JwtOptions options) =>
        !environment.IsDevelopment() && options.SigningKey?.StartsWith(DevelopmentKeyPrefix, StringComparison.Ordinal) == true
            ? ValidateOptionsResult.Fail(
                $"Security:Jwt:SigningKey is the published development key, and the environment is {environment.EnvironmentName}: " +
                "set a key of your own, or Security:Jwt:Authority.")
            : ValidateOptionsResult.Success;
}

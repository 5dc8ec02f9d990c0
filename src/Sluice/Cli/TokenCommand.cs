using System.CommandLine;
using Sluice.Security;

namespace Sluice.Cli;

/// <summary>
/// <c>sluice token --role admin</c>: prints a JWT signed with the configured local key, for development, tests and
/// sites without an identity provider. It reads the gateway's configuration, so it signs with the key the gateway checks.
/// </summary>
internal static class TokenCommand
{
    public static Command Create()
    {
        var roles = new Option<string[]>("--role")
        {
            Description = $"A role to put in the token ({string.Join(", ", SluiceRoles.All)}); repeat for several.",
            DefaultValueFactory = _ => [SluiceRoles.Admin],
            AllowMultipleArgumentsPerToken = false,
        };
        roles.AcceptOnlyFromAmong([.. SluiceRoles.All]);
        var subject = new Option<string>("--subject") { Description = "Who the token names (its sub claim).", DefaultValueFactory = _ => "developer" };
        var cpf = new Option<string?>("--cpf")
        {
            Description = "The person's CPF (its cpf claim): registry changes need it, since the AFD names who made each one.",
        };
        var lifetime = SluiceCommands.DurationOption("--lifetime", "How long the token is valid, e.g. 30m or 8h.", TimeSpan.FromHours(8));
        var command = new Command("token",
            "Print a bearer token signed with Security:Jwt:SigningKey. Reads the gateway's configuration: appsettings.json, " +
            "appsettings.{Environment}.json, environment variables and --Key=value arguments.")
        {
            roles, subject, lifetime, cpf,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, cancellationToken) =>
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions
            {
                Args = [.. result.UnmatchedTokens],
                ContentRootPath = AppContext.BaseDirectory,
            });
            var jwt = builder.Configuration.GetSection(JwtOptions.Section).Get<JwtOptions>() ?? new JwtOptions();
            if (string.IsNullOrEmpty(jwt.SigningKey) || jwt.SigningKey.Length < JwtOptions.MinSigningKeyLength)
            {
                await Console.Error.WriteLineAsync(
                    $"token: set Security:Jwt:SigningKey (at least {JwtOptions.MinSigningKeyLength} characters), the key the gateway checks. " +
                    "With an identity provider (Security:Jwt:Authority), get tokens from it instead.");
                return 2;
            }

            var token = SluiceTokens.Mint(jwt.SigningKey, jwt.Issuer, jwt.Audience, result.GetValue(subject)!,
                result.GetValue(roles)!.Distinct(), TimeProvider.System.GetUtcNow(), result.GetValue(lifetime), result.GetValue(cpf));
            await Console.Out.WriteLineAsync(token.AsMemory(), cancellationToken);
            return 0;
        });
        return command;
    }
}

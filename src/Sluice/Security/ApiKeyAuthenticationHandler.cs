using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Sluice.Security;

/// <summary>Authenticates devices and apps by the <c>X-Api-Key</c> header against the stored hashes.</summary>
internal sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IApiKeyStore keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeySecret.Header, out var values))
        {
            return AuthenticateResult.NoResult();
        }

        var presented = values.ToString();
        if (!ApiKeySecret.LooksValid(presented))
        {
            return AuthenticateResult.Fail("The X-Api-Key header does not hold a Sluice API key.");
        }

        var key = await keys.FindByHashAsync(ApiKeySecret.Hash(presented), Context.RequestAborted);
        if (key is null || key.RevokedAt is not null)
        {
            Log.Refused(Logger, key?.Id, key is null ? "unknown" : "revoked");
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        List<Claim> claims =
        [
            new(SluiceClaims.KeyId, key.Id.ToString()),
            new(ClaimTypes.Name, key.Name),
            new(SluiceClaims.KeyKind, key.Kind),
        ];
        if (key.EstablishmentId is { } establishment)
        {
            claims.Add(new Claim(SluiceClaims.Establishment, establishment));
        }

        if (key.ResponsibleCpf is { } cpf)
        {
            claims.Add(new Claim(SluiceClaims.ResponsibleCpf, cpf));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{ApiKeySecret.Header}\"";
        return Task.CompletedTask;
    }
}

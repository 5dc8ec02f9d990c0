using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Sluice.Journal.Modules;

namespace Sluice.Security;

public static class SecuritySetup
{
    /// <summary>Picks the API key handler when the request carries <c>X-Api-Key</c>, the JWT handler otherwise.</summary>
    public const string Scheme = "Sluice";

    public static WebApplicationBuilder AddSluiceSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // "Server: Kestrel" on every answer tells a scanner which server and which exploits to try; nothing needs it.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        services.AddSingleton<JournalApiKeyStore>();
        services.AddSingleton<IApiKeyStore>(sp => sp.GetRequiredService<JournalApiKeyStore>());
        services.AddSingleton<IJournalModule, ApiKeysModule>();
        services.AddOptions<JwtOptions>().BindConfiguration(JwtOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<JwtOptions>, DevelopmentKeyGuard>();

        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "API key or bearer token", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(ApiKeySecret.Header)
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : JwtBearerDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddJwtBearer();
        services.AddSingleton<ValidatedTokenCache>();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<JwtOptions>, ValidatedTokenCache>((bearer, jwt, cache) =>
            {
                ConfigureBearer(bearer, jwt.Value);
                cache.MapInboundClaims = bearer.MapInboundClaims;
                bearer.TokenHandlers.Clear();
                bearer.TokenHandlers.Add(cache);
            });

        var authorization = services.AddAuthorizationBuilder();
        foreach (var row in PolicyTable.Rows)
        {
            authorization.AddPolicy(row.Policy, p => p.RequireAuthenticatedUser().RequireAssertion(c => PolicyTable.Admits(row, c.User)));
        }

        // Deny by default: an endpoint someone forgot to mark is for admins only (the matrix test also fails on it).
        authorization.SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(SluiceRoles.Admin).Build());
        return builder;
    }

    private static void ConfigureBearer(JwtBearerOptions bearer, JwtOptions jwt)
    {
        // Keep claim names as the token has them ("sub", "role"), not the long SOAP-era URIs.
        bearer.MapInboundClaims = false;
        // Nothing reads the raw token back from the authentication properties; keeping it there cost a dictionary per request.
        bearer.SaveToken = false;
        bearer.Audience = jwt.Audience;
        bearer.TokenValidationParameters.ValidAudience = jwt.Audience;
        bearer.TokenValidationParameters.RoleClaimType = jwt.RoleClaim;
        bearer.TokenValidationParameters.NameClaimType = "sub";
        if (!string.IsNullOrWhiteSpace(jwt.Authority))
        {
            bearer.Authority = jwt.Authority;
            bearer.RequireHttpsMetadata = jwt.RequireHttpsMetadata;
        }
        else if (!string.IsNullOrEmpty(jwt.SigningKey))
        {
            bearer.TokenValidationParameters.ValidIssuer = jwt.Issuer;
            bearer.TokenValidationParameters.IssuerSigningKey = SluiceTokens.KeyFrom(jwt.SigningKey);
            bearer.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
        }
    }
}

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Net.Http.Headers;

namespace Sluice.Security;

/// <summary>
/// The credentials Sluice issued, as they sit on a request: an API key of Sluice's (by its <c>sk_</c> form, valid
/// or not, so a revoked key leaks no more than a good one) and a bearer token Sluice validates. They are Sluice's
/// alone: the pass-through and store-first routes take them off before anything reaches the legacy system, which
/// keeps getting its own credentials (any other <c>Authorization</c> or <c>X-Api-Key</c>) unchanged.
/// </summary>
public static class SluiceCredentials
{
    /// <summary>The request headers that carry a credential of Sluice's on this request.</summary>
    public static async Task<IReadOnlyList<string>> OnAsync(HttpContext context)
    {
        var found = new List<string>(2);
        var request = context.Request;
        if (request.Headers.TryGetValue(ApiKeySecret.Header, out var key)
            && (ApiKeySecret.LooksValid(key.ToString()) || context.User.FindFirst(SluiceClaims.KeyId) is not null))
        {
            found.Add(ApiKeySecret.Header);
        }

        // Checked with the bearer handler itself, not read off context.User: a request that also carries an
        // X-Api-Key is authenticated by key, and its bearer token would otherwise go through unchecked.
        if (request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && (await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme)).Succeeded)
        {
            found.Add(HeaderNames.Authorization);
        }

        return found;
    }
}

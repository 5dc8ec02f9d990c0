using Microsoft.Net.Http.Headers;

namespace Sluice.Security;

/// <summary>
/// The credentials Sluice issued, as they sit on a request: an API key of Sluice's (by its <c>sk_</c> form, valid
/// or not, so a revoked key leaks no more than a good one) and a bearer token Sluice validated. They are Sluice's
/// alone: the pass-through and store-first routes take them off before anything reaches the legacy system, which
/// keeps getting its own credentials (any other <c>Authorization</c> or <c>X-Api-Key</c>) unchanged.
/// </summary>
public static class SluiceCredentials
{
    /// <summary>The request headers that carry a credential of Sluice's on this request.</summary>
    public static IEnumerable<string> On(HttpContext context)
    {
        var request = context.Request;
        if (request.Headers.TryGetValue(ApiKeySecret.Header, out var key)
            && (ApiKeySecret.LooksValid(key.ToString()) || context.User.FindFirst(SluiceClaims.KeyId) is not null))
        {
            yield return ApiKeySecret.Header;
        }

        // The default scheme checks X-Api-Key when one is sent and the bearer token otherwise: an authenticated
        // caller without a key claim is one whose bearer token Sluice accepted.
        if (request.Headers.ContainsKey(HeaderNames.Authorization)
            && context.User.Identity?.IsAuthenticated == true
            && context.User.FindFirst(SluiceClaims.KeyId) is null)
        {
            yield return HeaderNames.Authorization;
        }
    }
}

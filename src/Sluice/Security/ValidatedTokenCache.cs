using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Sluice.Security;

/// <summary>
/// Validates a bearer token once and remembers the outcome for as long as the token stays valid, at most
/// <see cref="MaxAge"/>: a time clock or an integration sends the same token thousands of times, and parsing and
/// checking it again each time was the largest cost of a request outside storage (see bench/RESULTS.md).
/// </summary>
/// <remarks>
/// Only successes are kept, keyed by the exact token text, so a token is trusted from the cache only after the full
/// validation passed; expiry is checked on every hit against the token's own <c>exp</c>. <see cref="MaxAge"/> bounds
/// how long a rotated signing key (a JWKS refresh from the authority) can go unnoticed. Every hit hands out a copy of
/// the identity, so no two requests share a mutable principal.
/// </remarks>
internal sealed class ValidatedTokenCache(TimeProvider time) : JsonWebTokenHandler
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Beyond this many tokens the cache starts over rather than grow (an entry is a few KB): a flood of distinct tokens
    /// costs what it did before the cache, and a gateway's callers (devices, integrations, HR) hold far fewer.
    /// </summary>
    public const int Capacity = 1_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        // The application's clock: the system clock in production, which is also what the validation reads.
        var now = time.GetUtcNow().UtcDateTime;
        if (_entries.TryGetValue(token, out var cached) && cached.SigningKey == validationParameters.IssuerSigningKey && now < cached.Until)
        {
            return new TokenValidationResult
            {
                IsValid = true,
                ClaimsIdentity = cached.Identity.Clone(),
                SecurityToken = cached.Token,
                Issuer = cached.Token.Issuer,
                TokenType = cached.TokenType,
            };
        }

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is JsonWebToken validated && result.ClaimsIdentity is { } identity)
        {
            if (_entries.Count >= Capacity)
            {
                _entries.Clear();
            }

            var until = validated.ValidTo == DateTime.MinValue ? now + MaxAge : Min(validated.ValidTo, now + MaxAge);
            _entries[token] = new Entry(identity.Clone(), validated, result.TokenType, validationParameters.IssuerSigningKey, until);
        }

        return result;
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    /// <param name="SigningKey">The static signing key it was checked against (null with an authority): a new key misses.</param>
    private sealed record Entry(ClaimsIdentity Identity, JsonWebToken Token, string? TokenType, SecurityKey? SigningKey, DateTime Until);
}

using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;
using Sluice.Security;
using Sluice.Testing;

namespace Sluice.Tests.Security;

public sealed class ValidatedTokenCacheTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Fact]
    public async Task A_cached_token_stops_working_at_its_expiry()
    {
        var clock = new FakeTimeProvider(Now);
        var cache = new ValidatedTokenCache(clock);
        var token = Mint(TimeSpan.FromMinutes(2));
        var parameters = Parameters(clock);

        Assert.True((await cache.ValidateTokenAsync(token, parameters)).IsValid);
        Assert.True((await cache.ValidateTokenAsync(token, parameters)).IsValid);

        clock.Advance(TimeSpan.FromMinutes(3));
        var expired = await cache.ValidateTokenAsync(token, parameters);

        Assert.False(expired.IsValid);
    }

    [Fact]
    public async Task A_token_is_checked_again_after_the_maximum_age_even_when_it_has_not_expired()
    {
        var clock = new FakeTimeProvider(Now);
        var cache = new ValidatedTokenCache(clock);
        var token = Mint(TimeSpan.FromHours(8));
        var revoked = false;
        var parameters = Parameters(clock);
        // Stands for anything a fresh check would now refuse, e.g. a key the authority withdrew.
        parameters.IssuerValidator = (issuer, _, _) => revoked ? throw new SecurityTokenInvalidIssuerException("withdrawn") : issuer;

        Assert.True((await cache.ValidateTokenAsync(token, parameters)).IsValid);
        revoked = true;
        Assert.True((await cache.ValidateTokenAsync(token, parameters)).IsValid);

        clock.Advance(ValidatedTokenCache.MaxAge);
        Assert.False((await cache.ValidateTokenAsync(token, parameters)).IsValid);
    }

    [Fact]
    public async Task Each_hit_gets_its_own_copy_of_the_identity_with_the_token_claims()
    {
        var clock = new FakeTimeProvider(Now);
        var cache = new ValidatedTokenCache(clock);
        var token = Mint(TimeSpan.FromHours(1));
        var parameters = Parameters(clock);

        var first = await cache.ValidateTokenAsync(token, parameters);
        var second = await cache.ValidateTokenAsync(token, parameters);
        first.ClaimsIdentity.AddClaim(new System.Security.Claims.Claim("added", "by one request"));

        Assert.NotSame(first.ClaimsIdentity, second.ClaimsIdentity);
        Assert.Null(second.ClaimsIdentity.FindFirst("added"));
        Assert.Equal("worker", second.ClaimsIdentity.FindFirst("sub")?.Value);
        Assert.Equal(SluiceRoles.Admin, second.ClaimsIdentity.FindFirst("role")?.Value);
        Assert.True(second.ClaimsIdentity.IsAuthenticated);
    }

    [Fact]
    public async Task Another_signing_key_does_not_reuse_what_the_old_one_validated()
    {
        var clock = new FakeTimeProvider(Now);
        var cache = new ValidatedTokenCache(clock);
        var token = Mint(TimeSpan.FromHours(1));

        Assert.True((await cache.ValidateTokenAsync(token, Parameters(clock))).IsValid);
        var rotated = Parameters(clock);
        rotated.IssuerSigningKey = SluiceTokens.KeyFrom("a-rotated-key-of-at-least-32-characters!!");

        Assert.False((await cache.ValidateTokenAsync(token, rotated)).IsValid);
    }

    private static string Mint(TimeSpan lifetime) =>
        SluiceTokens.Mint(TestCredentials.SigningKey, "sluice", "sluice", "worker", [SluiceRoles.Admin], Now, lifetime);

    /// <summary>As the gateway validates, with the lifetime read from the test's clock (the gateway's reads the system's).</summary>
    private static TokenValidationParameters Parameters(TimeProvider clock) => new()
    {
        ValidIssuer = "sluice",
        ValidAudience = "sluice",
        IssuerSigningKey = SluiceTokens.KeyFrom(TestCredentials.SigningKey),
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ClockSkew = TimeSpan.Zero,
        LifetimeValidator = (_, expires, _, _) => expires > clock.GetUtcNow().UtcDateTime,
    };
}

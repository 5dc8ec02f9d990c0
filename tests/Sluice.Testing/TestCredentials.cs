using System.Net.Http.Headers;
using System.Security.Cryptography;
using Sluice.Security;

namespace Sluice.Testing;

/// <summary>
/// The credentials test gateways trust: a signing key made fresh for each test run (never committed), and tokens
/// signed with it. Every gateway the kit starts checks tokens against this key unless a test says otherwise.
/// </summary>
public static class TestCredentials
{
    public static string SigningKey { get; } = "test-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>What every kit-started gateway gets: the test key, and no rate limit (load tests send from one caller).</summary>
    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Security:Jwt:SigningKey"] = SigningKey,
        ["Limits:RatePerSecond"] = "0",
    };

    /// <summary>The CPF every test person's token carries: registry changes name who made them.</summary>
    public static string PersonCpf { get; } = Sluice.Punches.Registry.BrazilianDocuments.CpfFrom(529_982_247);

    /// <summary>A bearer token for a person with <paramref name="roles"/> and <see cref="PersonCpf"/>, valid for an hour.</summary>
    public static string Token(params string[] roles) =>
        SluiceTokens.Mint(SigningKey, "sluice", "sluice", "test-" + string.Join('-', roles), roles, DateTimeOffset.UtcNow, TimeSpan.FromHours(1), PersonCpf);

    /// <summary>A bearer token for a person whose token carries no CPF.</summary>
    public static string TokenWithoutCpf(params string[] roles) =>
        SluiceTokens.Mint(SigningKey, "sluice", "sluice", "test-" + string.Join('-', roles), roles, DateTimeOffset.UtcNow, TimeSpan.FromHours(1));

    public static AuthenticationHeaderValue Bearer(params string[] roles) => new("Bearer", Token(roles));

    /// <summary>The test settings with the test's own on top (a test's value wins).</summary>
    public static IEnumerable<KeyValuePair<string, string?>> With(IDictionary<string, string?> settings) =>
        Settings.Where(s => !settings.ContainsKey(s.Key)).Concat(settings);

    /// <summary>A client for <paramref name="baseAddress"/> that sends the given credentials (none when both are null).</summary>
    public static HttpClient Client(Uri baseAddress, AuthenticationHeaderValue? authorization = null, string? apiKey = null)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = authorization;
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add(ApiKeySecret.Header, apiKey);
        }

        return client;
    }
}

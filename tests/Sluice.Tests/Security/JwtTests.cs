using System.Net;
using System.Net.Http.Headers;
using Sluice.Security;
using Sluice.Testing;

namespace Sluice.Tests.Security;

public sealed class JwtTests
{
    [Fact]
    public async Task Tokens_with_another_key_audience_issuer_or_an_expired_one_are_401()
    {
        await using var gateway = await TestGateway.StartAsync(TestGateway.Defaults(null));
        var now = DateTimeOffset.UtcNow;
        string[] admin = [SluiceRoles.Admin];
        var bad = new Dictionary<string, string>
        {
            ["other key"] = SluiceTokens.Mint("another-key-of-at-least-32-characters!!", "sluice", "sluice", "x", admin, now, TimeSpan.FromHours(1)),
            ["other audience"] = SluiceTokens.Mint(TestCredentials.SigningKey, "sluice", "elsewhere", "x", admin, now, TimeSpan.FromHours(1)),
            ["other issuer"] = SluiceTokens.Mint(TestCredentials.SigningKey, "someone", "sluice", "x", admin, now, TimeSpan.FromHours(1)),
            ["expired"] = SluiceTokens.Mint(TestCredentials.SigningKey, "sluice", "sluice", "x", admin, now.AddHours(-2), TimeSpan.FromHours(1)),
            ["not a token"] = "abc.def.ghi",
        };
        foreach (var (why, token) in bad)
        {
            using var client = gateway.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await client.GetAsync("/api/destinations");
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{why}: {(int)response.StatusCode}");
        }

        using var good = gateway.CreateClient(roles: [SluiceRoles.Auditor]);
        using var ok = await good.GetAsync("/api/destinations");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task Sluice_does_not_start_without_an_authority_or_a_signing_key()
    {
        var settings = TestGateway.Defaults(null);
        settings["Security:Jwt:SigningKey"] = "";
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => TestGateway.StartAsync(settings));
        Assert.Contains("Security:Jwt", failure.ToString());

        settings["Security:Jwt:SigningKey"] = "too-short";
        failure = await Assert.ThrowsAnyAsync<Exception>(() => TestGateway.StartAsync(settings));
        Assert.Contains("at least 32 characters", failure.ToString());

        // The committed development key is refused outside Development (test gateways run as Production).
        settings["Security:Jwt:SigningKey"] = "development-only-AE5apfXYEGrybZQu0QVMee0dM8AowN1miaVSX0tiy5o";
        failure = await Assert.ThrowsAnyAsync<Exception>(() => TestGateway.StartAsync(settings));
        Assert.Contains("published development key", failure.ToString());
    }

    [Fact]
    public async Task The_token_command_mints_a_token_the_gateway_accepts_with_the_roles_asked_for()
    {
        await using var gateway = await TestGateway.StartAsync(TestGateway.Defaults(null));
        var (exit, printed) = await SluiceCli.RunAsync("token", "--role", "hr", "--subject", "maria", $"--Security:Jwt:SigningKey={TestCredentials.SigningKey}");
        Assert.True(exit == 0, printed);
        using var hr = gateway.CreateClient();
        hr.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", printed.Trim());
        using (var read = await hr.GetAsync("/api/destinations"))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        using (var manage = await hr.GetAsync("/api/keys"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, manage.StatusCode);
        }

        var (missing, message) = await SluiceCli.RunAsync("token", "--role", "admin");
        Assert.Equal(2, missing);
        Assert.Contains("Security:Jwt:SigningKey", message);
    }
}

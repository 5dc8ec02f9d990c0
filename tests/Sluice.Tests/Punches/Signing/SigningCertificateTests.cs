using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Sluice.Hosting;
using Sluice.Punches.Signing;
using Sluice.Security;
using Sluice.Testing;

namespace Sluice.Tests.Punches.Signing;

/// <summary>The signing certificate: read once at start, refused when unreadable or outside its dates, shown to auditors.</summary>
public sealed class SigningCertificateTests
{
    [Fact]
    public async Task The_certificate_that_signs_is_shown_with_its_issuer_serial_dates_and_SHA256_thumbprint()
    {
        using var ca = new TestSigningCa();
        var settings = TestGateway.Defaults(null);
        ca.Configure(settings);
        await using var gateway = await TestGateway.StartAsync(settings);

        var shown = await gateway.CreateClient([SluiceRoles.Auditor]).GetFromJsonAsync<SigningCertificateView>("/api/signing/certificate");

        Assert.Equal(ca.Signer.Subject, shown!.Subject);
        Assert.Equal(ca.Signer.Issuer, shown.Issuer);
        Assert.Equal(ca.Signer.SerialNumber, shown.Serial);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(ca.Signer.RawData)), shown.Sha256Thumbprint);
        Assert.Equal(ca.Signer.NotAfter.ToUniversalTime(), shown.NotAfter.UtcDateTime);
        Assert.True(shown.ValidNow);
    }

    [Fact]
    public async Task A_PEM_certificate_and_key_sign_like_a_PKCS12_file()
    {
        using var ca = new TestSigningCa();
        var settings = TestGateway.Defaults(null);
        settings["Punches:Signing:CertificatePemPath"] = ca.CertificatePemPath;
        settings["Punches:Signing:KeyPemPath"] = ca.KeyPemPath;
        await using var gateway = await TestGateway.StartAsync(settings);

        var shown = await gateway.Client.GetFromJsonAsync<SigningCertificateView>("/api/signing/certificate");

        Assert.Equal(Convert.ToHexString(SHA256.HashData(ca.Signer.RawData)), shown!.Sha256Thumbprint);
    }

    [Fact]
    public async Task Without_a_certificate_the_endpoint_says_which_setting_to_give()
    {
        await using var gateway = await TestGateway.StartAsync(TestGateway.Defaults(null));

        using var response = await gateway.Client.GetAsync("/api/signing/certificate");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Punches:Signing:CertificatePath", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_stops_the_start_naming_the_setting_and_never_the_password()
    {
        using var ca = new TestSigningCa();
        var settings = TestGateway.Defaults(null);
        ca.Configure(settings);
        settings["Punches:Signing:CertificatePassword"] = "not-the-password-4711";

        var problems = await StartupProblemsAsync(settings);

        var problem = Assert.Single(problems);
        Assert.Contains("Punches:Signing:CertificatePath", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password-4711", problem, StringComparison.Ordinal);
        Assert.DoesNotContain(TestSigningCa.Password, problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_stops_the_start_naming_the_setting()
    {
        var settings = TestGateway.Defaults(null);
        settings["Punches:Signing:CertificatePath"] = "/nonexistent/signer.p12";

        var problem = Assert.Single(await StartupProblemsAsync(settings));

        Assert.StartsWith("Punches:Signing:CertificatePath: no file", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-400, -10, "expired")]
    [InlineData(10, 400, "not valid before")]
    public async Task A_certificate_outside_its_validity_stops_the_start(int fromDays, int toDays, string says)
    {
        using var ca = new TestSigningCa(DateTimeOffset.UtcNow.AddDays(fromDays), DateTimeOffset.UtcNow.AddDays(toDays));
        var settings = TestGateway.Defaults(null);
        ca.Configure(settings);

        var problem = Assert.Single(await StartupProblemsAsync(settings));

        Assert.Contains("Punches:Signing:CertificatePath", problem, StringComparison.Ordinal);
        Assert.Contains(says, problem, StringComparison.Ordinal);
    }

    /// <summary>The lines <c>sluice</c> prints before exiting with 2.</summary>
    private static async Task<IReadOnlyList<string>> StartupProblemsAsync(Dictionary<string, string?> settings)
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(async () => await (await TestGateway.StartAsync(settings)).DisposeAsync());
        return [.. Assert.IsAssignableFrom<IEnumerable<string>>(SluiceServer.ConfigurationProblem(failure))];
    }
}

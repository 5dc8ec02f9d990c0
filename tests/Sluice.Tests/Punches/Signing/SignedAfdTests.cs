using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using Sluice.Testing;

namespace Sluice.Tests.Punches.Signing;

/// <summary>The AFD's detached CAdES signature, checked by OpenSSL against a CA made for the test.</summary>
public sealed class SignedAfdTests : IDisposable
{
    private readonly TestSigningCa _ca = new();

    public void Dispose() => _ca.Dispose();

    private Dictionary<string, string?> Settings()
    {
        var settings = TestGateway.Defaults(null);
        settings["Punches:DeveloperDocument"] = "45723174000110";
        _ca.Configure(settings);
        return settings;
    }

    private async Task<ToolOutput> VerifyAsync(byte[] afd, byte[] signature, string name)
    {
        var content = _ca.Folder.File(name + ".txt");
        var p7s = _ca.Folder.File(name + ".p7s");
        await File.WriteAllBytesAsync(content, afd);
        await File.WriteAllBytesAsync(p7s, signature);
        return await _ca.VerifyDetachedAsync(content, p7s);
    }

    [Fact]
    public async Task The_p7s_of_a_downloaded_AFD_verifies_with_OpenSSL_even_after_new_records_and_one_flipped_byte_fails()
    {
        await using var gateway = await TestGateway.StartAsync(Settings());
        await gateway.RegisterEmployeesAsync("2101", "2102");
        Assert.Equal(HttpStatusCode.Accepted, (await gateway.PostPunchAsync("2101")).StatusCode);
        var establishment = await gateway.EstablishmentAsync();
        using var download = await gateway.Client.GetAsync($"/api/establishments/{establishment}/afd");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var afd = await download.Content.ReadAsByteArrayAsync();
        var link = download.Headers.GetValues("Link").Single();
        var signatureUri = link[(link.IndexOf('<') + 1)..link.IndexOf('>')];

        // A punch between the two downloads must not change what the signature covers.
        Assert.Equal(HttpStatusCode.Accepted, (await gateway.PostPunchAsync("2102")).StatusCode);
        using var signed = await gateway.Client.GetAsync(signatureUri + "&sha256=" + Convert.ToHexString(SHA256.HashData(afd)));

        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        Assert.Equal("application/pkcs7-signature", signed.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith("REP_P.txt.p7s", signed.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        var signature = await signed.Content.ReadAsByteArrayAsync();
        var verified = await VerifyAsync(afd, signature, "afd");
        Assert.True(verified.ExitCode == 0, verified.Output);
        Assert.Contains("Verification successful", verified.Output, StringComparison.Ordinal);

        afd[400] ^= 0x01;
        var tampered = await VerifyAsync(afd, signature, "tampered");
        Assert.NotEqual(0, tampered.ExitCode);
    }

    [Fact]
    public async Task The_signature_carries_signing_time_and_the_signing_certificate_and_names_the_signer_by_issuer_and_serial()
    {
        await using var gateway = await TestGateway.StartAsync(Settings());
        var establishment = await gateway.EstablishmentAsync();
        using var zip = await gateway.Client.GetAsync($"/api/establishments/{establishment}/afd.zip");
        var (_, signature) = await UnzipAsync(zip);
        var p7s = _ca.Folder.File("attributes.p7s");
        await File.WriteAllBytesAsync(p7s, signature);

        var printed = await ExternalTool.RunAsync(ExternalTool.Require("openssl", "openssl"), "cms", "-cmsout", "-print", "-inform", "DER", "-in", p7s);

        Assert.Equal(0, printed.ExitCode);
        Assert.Contains("signingTime", printed.Output, StringComparison.Ordinal);
        Assert.Contains("id-smime-aa-signingCertificateV2", printed.Output, StringComparison.Ordinal);
        Assert.Contains("issuerAndSerialNumber", printed.Output, StringComparison.Ordinal);
        Assert.Contains("sha256", printed.Output, StringComparison.Ordinal);
        Assert.Contains("eContent: <ABSENT>", printed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_zip_holds_the_AFD_and_its_p7s_from_one_production_and_they_verify()
    {
        await using var gateway = await TestGateway.StartAsync(Settings());
        await gateway.RegisterEmployeesAsync("2201");
        Assert.Equal(HttpStatusCode.Accepted, (await gateway.PostPunchAsync("2201")).StatusCode);
        using var zip = await gateway.Client.GetAsync($"/api/establishments/{await gateway.EstablishmentAsync()}/afd.zip");

        Assert.Equal(HttpStatusCode.OK, zip.StatusCode);
        var (afd, signature) = await UnzipAsync(zip);
        var verified = await VerifyAsync(afd, signature, "zipped");
        Assert.True(verified.ExitCode == 0, verified.Output);
    }

    [Fact]
    public async Task A_p7s_without_the_pinned_production_is_refused_rather_than_signing_other_bytes()
    {
        await using var gateway = await TestGateway.StartAsync(Settings());

        using var response = await gateway.Client.GetAsync($"/api/establishments/{await gateway.EstablishmentAsync()}/afd.p7s");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Link header", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("&sha256=00", HttpStatusCode.Conflict, "no longer the file")]
    [InlineData("&generatedAt=2999-01-01T00:00-03:00", HttpStatusCode.BadRequest, "Must not be in the future")]
    [InlineData("&upTo=999999", HttpStatusCode.BadRequest, "last record")]
    public async Task A_p7s_for_other_bytes_or_a_production_that_cannot_be_is_refused(string change, HttpStatusCode status, string says)
    {
        await using var gateway = await TestGateway.StartAsync(Settings());
        var establishment = await gateway.EstablishmentAsync();
        using var download = await gateway.Client.GetAsync($"/api/establishments/{establishment}/afd");
        var link = download.Headers.GetValues("Link").Single();
        var signatureUri = link[(link.IndexOf('<') + 1)..link.IndexOf('>')];
        var parameter = change[1..change.IndexOf('=')];
        var pinned = string.Join('&', signatureUri.Split('&').Where(p => !p.StartsWith(parameter + "=", StringComparison.Ordinal)));

        using var response = await gateway.Client.GetAsync(pinned + change);

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(says, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_certificate_the_signed_AFD_is_a_problem_never_an_unsigned_file()
    {
        var settings = TestGateway.Defaults(null);
        settings["Punches:DeveloperDocument"] = "45723174000110";
        await using var gateway = await TestGateway.StartAsync(settings);

        using var response = await gateway.Client.GetAsync($"/api/establishments/{await gateway.EstablishmentAsync()}/afd.zip");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no signing certificate is configured", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_certificate_that_expires_while_Sluice_runs_is_refused_with_503_saying_so()
    {
        using var shortLived = new TestSigningCa(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(2));
        var settings = Settings();
        shortLived.Configure(settings);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var gateway = await TestGateway.StartAsync(settings, time: time);
        var establishment = await gateway.EstablishmentAsync();

        time.Advance(TimeSpan.FromDays(3));
        using var response = await gateway.Client.GetAsync($"/api/establishments/{establishment}/afd.zip");

        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, await response.Content.ReadAsStringAsync());
        Assert.Contains("the signing certificate expired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<(byte[] Afd, byte[] Signature)> UnzipAsync(HttpResponseMessage response)
    {
        using var archive = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var afd = archive.Entries.Single(e => e.Name.EndsWith("REP_P.txt", StringComparison.Ordinal));
        var p7s = archive.Entries.Single(e => e.Name == afd.Name + ".p7s");
        return (await ReadAsync(afd), await ReadAsync(p7s));
    }

    private static async Task<byte[]> ReadAsync(ZipArchiveEntry entry)
    {
        await using var stream = entry.Open();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}

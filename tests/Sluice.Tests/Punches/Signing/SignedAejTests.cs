using System.Net;
using System.Security.Cryptography;
using Sluice.Security;
using Sluice.Testing;
using Sluice.Tests.Punches.Aej;

namespace Sluice.Tests.Punches.Signing;

/// <summary>The AEJ's detached CAdES signature, checked by OpenSSL against a CA made for the test, by endpoint and by <c>sluice aej</c>.</summary>
public sealed class SignedAejTests : IDisposable
{
    private readonly TestSigningCa _ca = new();
    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        _ca.Dispose();
        _folder.Dispose();
    }

    private Dictionary<string, string?> Settings()
    {
        var settings = AejLayoutTests.Settings();
        _ca.Configure(settings);
        return settings;
    }

    private async Task<(int ExitCode, string Output)> VerifyAsync(string content, string p7s) =>
        await ExternalTool.RunAsync(
            ExternalTool.Require("openssl", "openssl"), "cms", "-verify", "-binary", "-inform", "DER", "-in", p7s, "-content", content,
            "-CAfile", _ca.CaPemPath, "-purpose", "any", "-out", _folder.File(Path.GetFileName(content) + ".out"));

    [Fact]
    public async Task The_p7s_of_a_downloaded_AEJ_verifies_with_OpenSSL_and_one_flipped_byte_fails()
    {
        await using var gateway = await TestGateway.StartAsync(Settings());
        await gateway.RegisterEmployeesAsync("8101");
        Assert.Equal(HttpStatusCode.Accepted, (await gateway.PostPunchAsync("8101")).StatusCode);
        var establishment = await gateway.EstablishmentAsync();
        await SetContractAsync(gateway, establishment, "8101");
        using var download = await gateway.Client.GetAsync($"/api/establishments/{establishment}/aej");
        Assert.True(download.StatusCode == HttpStatusCode.OK, await download.Content.ReadAsStringAsync());
        var aej = await download.Content.ReadAsByteArrayAsync();
        var link = download.Headers.GetValues("Link").Single();
        var signatureUri = link[(link.IndexOf('<') + 1)..link.IndexOf('>')];

        // A punch between the two downloads must not change what the signature covers.
        Assert.Equal(HttpStatusCode.Accepted, (await gateway.PostPunchAsync("8101", gateway.Now())).StatusCode);
        using var signed = await gateway.Client.GetAsync(signatureUri + "&sha256=" + Convert.ToHexString(SHA256.HashData(aej)));

        Assert.True(signed.StatusCode == HttpStatusCode.OK, await signed.Content.ReadAsStringAsync());
        Assert.Equal("application/pkcs7-signature", signed.Content.Headers.ContentType?.MediaType);
        var content = _folder.File("aej.txt");
        var p7s = _folder.File("aej.txt.p7s");
        await File.WriteAllBytesAsync(content, aej);
        await File.WriteAllBytesAsync(p7s, await signed.Content.ReadAsByteArrayAsync());
        var verified = await VerifyAsync(content, p7s);
        Assert.True(verified.ExitCode == 0, verified.Output);
        Assert.Contains("Verification successful", verified.Output, StringComparison.Ordinal);

        aej[aej.Length / 2] ^= 0x01;
        var tampered = _folder.File("tampered.txt");
        await File.WriteAllBytesAsync(tampered, aej);
        Assert.NotEqual(0, (await VerifyAsync(tampered, p7s)).ExitCode);
    }

    [Fact]
    public async Task Sluice_aej_writes_the_AEJ_and_a_p7s_that_OpenSSL_verifies()
    {
        await using var gateway = await TestGateway.StartAsync(Settings());
        await gateway.RegisterEmployeesAsync("8201");
        Assert.Equal(HttpStatusCode.Accepted, (await gateway.PostPunchAsync("8201")).StatusCode);
        var establishment = await gateway.EstablishmentAsync();
        await SetContractAsync(gateway, establishment, "8201");
        var output = _folder.File("out");

        var (exit, printed) = await SluiceCli.RunAsync(
            "aej", "--establishment", establishment.ToString(), "--out", output,
            "--server", gateway.BaseAddress.ToString(), "--token", TestCredentials.Token(SluiceRoles.Auditor));

        Assert.True(exit == 0, printed);
        var aej = Assert.Single(Directory.GetFiles(output, "AEJ*.txt"));
        Assert.Equal(aej + ".p7s", Assert.Single(Directory.GetFiles(output, "*.p7s")));
        var verified = await VerifyAsync(aej, aej + ".p7s");
        Assert.True(verified.ExitCode == 0, verified.Output);
    }

    [Fact]
    public async Task An_AEJ_with_a_marking_of_an_employee_without_a_schedule_is_refused_naming_them()
    {
        await using var gateway = await TestGateway.StartAsync(Settings());
        Assert.Equal(HttpStatusCode.Accepted, (await gateway.PostPunchAsync("8301")).StatusCode);

        using var response = await gateway.Client.GetAsync($"/api/establishments/{await gateway.EstablishmentAsync()}/aej");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"field\":\"contract\"", body, StringComparison.Ordinal);
        Assert.Contains("8301", body, StringComparison.Ordinal);
    }

    private static async Task SetContractAsync(TestGateway gateway, Guid establishment, string code)
    {
        using var schedule = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(gateway.Client,
            $"/api/establishments/{establishment}/schedules",
            new Sluice.Punches.Treatment.ScheduleRequest("ADM", null, null, [new("08:00", "12:00"), new("13:00", "17:00")], ["mon", "tue", "wed", "thu", "fri"]));
        var employees = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(gateway.Client,
            $"/api/establishments/{establishment}/employees");
        var id = employees.EnumerateArray().Single(e => e.GetProperty("code").GetString() == code).GetProperty("id").GetGuid();
        using var contract = await System.Net.Http.Json.HttpClientJsonExtensions.PutAsJsonAsync(gateway.Client, $"/api/employees/{id}/contract",
            new Sluice.Punches.Treatment.ContractRequest("2025-01-02", "Analista", "ADM"));
        contract.EnsureSuccessStatusCode();
    }
}

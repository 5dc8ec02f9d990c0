using System.Net;
using Sluice.Security;
using Sluice.Testing;

namespace Sluice.Tests.Punches.Signing;

/// <summary>The signing settings and the AFD command, through the real executable.</summary>
public sealed class SigningCommandLineTests : IDisposable
{
    private readonly TestSigningCa _ca = new();
    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        _ca.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_wrong_certificate_password_exits_2_naming_the_setting_and_never_printing_the_password()
    {
        var (exit, output) = await SluiceCli.StartGatewayAsync(
            $"--Punches:Signing:CertificatePath={_ca.Pkcs12Path}", "--Punches:Signing:CertificatePassword=wrong-password-0815");

        Assert.Equal(2, exit);
        Assert.Contains("Punches:Signing:CertificatePath", output, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-password-0815", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sluice_afd_writes_the_AFD_and_a_p7s_that_OpenSSL_verifies()
    {
        var settings = TestGateway.Defaults(null);
        settings["Punches:DeveloperDocument"] = "45723174000110";
        _ca.Configure(settings);
        await using var gateway = await TestGateway.StartAsync(settings);
        await gateway.RegisterEmployeesAsync("4101");
        Assert.Equal(HttpStatusCode.Accepted, (await gateway.PostPunchAsync("4101")).StatusCode);
        var output = _folder.File("out");

        var (exit, printed) = await SluiceCli.RunAsync(
            "afd", "--establishment", (await gateway.EstablishmentAsync()).ToString(), "--out", output,
            "--server", gateway.BaseAddress.ToString(), "--token", TestCredentials.Token(SluiceRoles.Auditor));

        Assert.True(exit == 0, printed);
        var afd = Assert.Single(Directory.GetFiles(output, "AFD*REP_P.txt"));
        Assert.Equal(afd + ".p7s", Assert.Single(Directory.GetFiles(output, "*.p7s")));
        var verified = await ExternalTool.RunAsync(
            ExternalTool.Require("openssl", "openssl"), "cms", "-verify", "-binary", "-inform", "DER", "-in", afd + ".p7s", "-content", afd,
            "-CAfile", _ca.CaPemPath, "-purpose", "any", "-out", _folder.File("verified"));
        Assert.True(verified.ExitCode == 0, verified.Output);
    }
}

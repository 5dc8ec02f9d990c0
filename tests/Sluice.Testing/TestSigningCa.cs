using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Sluice.Testing;

/// <summary>
/// A certificate authority made for one test run, and a signing certificate it issued, written to a temporary folder:
/// no key is ever committed, and nothing signed with it verifies anywhere but against <see cref="CaPemPath"/>.
/// </summary>
public sealed class TestSigningCa : IDisposable
{
    public const string Password = "test-only-p12-password";
    private readonly TempFolder _folder = new("sluice-signing-");

    /// <param name="notBefore">Start of the signer's validity; default an hour ago.</param>
    /// <param name="notAfter">End of the signer's validity; default a year ahead.</param>
    public TestSigningCa(DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        var now = DateTimeOffset.UtcNow;
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=Sluice Test CA, O=Sluice tests, C=BR", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        using var ca = caRequest.CreateSelfSigned(now.AddYears(-5), now.AddYears(5));

        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=EMPRESA TESTE LTDA:45723174000110, O=Sluice tests, C=BR", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        using var issued = request.Create(ca, notBefore ?? now.AddHours(-1), notAfter ?? now.AddYears(1), RandomNumberGenerator.GetBytes(12));
        using var signer = issued.CopyWithPrivateKey(key);

        Signer = X509CertificateLoader.LoadCertificate(signer.RawData);
        CaPemPath = _folder.File("testca.pem");
        File.WriteAllText(CaPemPath, ca.ExportCertificatePem());
        Pkcs12Path = _folder.File("signer.p12");
        File.WriteAllBytes(Pkcs12Path, signer.Export(X509ContentType.Pkcs12, Password));
        CertificatePemPath = _folder.File("signer.crt.pem");
        File.WriteAllText(CertificatePemPath, signer.ExportCertificatePem());
        KeyPemPath = _folder.File("signer.key.pem");
        File.WriteAllText(KeyPemPath, key.ExportPkcs8PrivateKeyPem());
    }

    /// <summary>A temporary folder that goes with the CA, for the files a test downloads, signs or verifies.</summary>
    public TempFolder Folder => _folder;

    /// <summary>The signing certificate (public part).</summary>
    public X509Certificate2 Signer { get; }

    public string CaPemPath { get; }

    public string Pkcs12Path { get; }

    public string CertificatePemPath { get; }

    public string KeyPemPath { get; }

    /// <summary>Settings that make a gateway sign with the PKCS#12 file.</summary>
    public void Configure(IDictionary<string, string?> settings)
    {
        settings["Punches:Signing:CertificatePath"] = Pkcs12Path;
        settings["Punches:Signing:CertificatePassword"] = Password;
    }

    /// <summary>
    /// OpenSSL's verdict on a detached CMS signature (<c>.p7s</c>, DER) over <paramref name="contentPath"/>: the chain
    /// must reach this CA, and the signature must cover the file's bytes exactly. Exit code 0 means it verifies.
    /// </summary>
    public Task<ToolOutput> VerifyDetachedAsync(string contentPath, string signaturePath) =>
        ExternalTool.RunAsync(
            ExternalTool.Require("openssl", "openssl"), "cms", "-verify", "-binary", "-inform", "DER", "-in", signaturePath, "-content", contentPath, "-CAfile", CaPemPath,
            "-purpose", "any", "-out", _folder.File($"verified-{Guid.NewGuid():N}"));

    public void Dispose()
    {
        Signer.Dispose();
        _folder.Dispose();
    }
}

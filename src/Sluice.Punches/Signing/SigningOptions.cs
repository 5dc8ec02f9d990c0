namespace Sluice.Punches.Signing;

/// <summary>
/// The certificate that signs Sluice's legal outputs (Portaria 671 Art. 86–88: the receipt PDF, the AFD's and AEJ's
/// <c>.p7s</c>): a PKCS#12 file with its password, or a PEM certificate with its PEM key. In production an ICP-Brasil
/// certificate; nothing is configured by default, and then the signed outputs answer a problem instead of a file.
/// </summary>
public sealed class SigningOptions
{
    public const string SectionName = "Punches:Signing";

    /// <summary>A PKCS#12 (.pfx/.p12) file holding the certificate and its private key.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>
    /// The PKCS#12 file's password, or the PEM key's when it is encrypted. A secret: give it through an environment
    /// variable or a secret store, never in appsettings.json; Sluice never prints it.
    /// </summary>
    public string? CertificatePassword { get; set; }

    /// <summary>A PEM certificate (the signer's first; the chain after it is not read).</summary>
    public string? CertificatePemPath { get; set; }

    /// <summary>The PEM private key of <see cref="CertificatePemPath"/> (PKCS#8, encrypted or not, or PKCS#1).</summary>
    public string? KeyPemPath { get; set; }

    internal bool UsesPkcs12 => !string.IsNullOrWhiteSpace(CertificatePath);

    internal bool UsesPem => !string.IsNullOrWhiteSpace(CertificatePemPath) || !string.IsNullOrWhiteSpace(KeyPemPath);

    internal bool IsConfigured => UsesPkcs12 || UsesPem;
}

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Sluice.Punches.Signing;

/// <summary>Reads the configured certificate and key; every failure becomes one line naming the setting, never the password.</summary>
internal static class CertificateFiles
{
    /// <summary>The certificate with its private key, or null and the problems that kept it from being read.</summary>
    public static X509Certificate2? Load(SigningOptions options, out List<string> problems)
    {
        problems = [];
        if (options.UsesPkcs12 && options.UsesPem)
        {
            problems.Add($"{SigningOptions.SectionName}: set CertificatePath (PKCS#12) or CertificatePemPath with KeyPemPath, not both.");
            return null;
        }

        if (options.UsesPkcs12)
        {
            return Read($"{SigningOptions.SectionName}:CertificatePath", options.CertificatePath!, problems, () =>
                X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath!, options.CertificatePassword, X509KeyStorageFlags.EphemeralKeySet),
                "is not a PKCS#12 file this password opens (check Punches:Signing:CertificatePassword)");
        }

        if (string.IsNullOrWhiteSpace(options.CertificatePemPath) || string.IsNullOrWhiteSpace(options.KeyPemPath))
        {
            problems.Add($"{SigningOptions.SectionName}: CertificatePemPath and KeyPemPath go together; set both.");
            return null;
        }

        if (!File.Exists(options.KeyPemPath))
        {
            problems.Add($"{SigningOptions.SectionName}:KeyPemPath: no file at '{options.KeyPemPath}'.");
            return null;
        }

        return Read($"{SigningOptions.SectionName}:CertificatePemPath", options.CertificatePemPath!, problems, () =>
            string.IsNullOrEmpty(options.CertificatePassword)
                ? X509Certificate2.CreateFromPemFile(options.CertificatePemPath!, options.KeyPemPath)
                : X509Certificate2.CreateFromEncryptedPemFile(options.CertificatePemPath!, options.CertificatePassword, options.KeyPemPath),
            "and Punches:Signing:KeyPemPath are not a PEM certificate with its matching private key (or the key's password is wrong)");
    }

    private static X509Certificate2? Read(string setting, string path, List<string> problems, Func<X509Certificate2> load, string unreadable)
    {
        if (!File.Exists(path))
        {
            problems.Add($"{setting}: no file at '{path}'.");
            return null;
        }

        X509Certificate2 certificate;
        try
        {
            certificate = load();
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            // The exception's own text is left out: it is not needed to act, and must never carry key material.
            problems.Add($"{setting}: '{path}' {unreadable}.");
            return null;
        }

        if (!certificate.HasPrivateKey)
        {
            problems.Add($"{setting}: '{path}' holds no private key; Sluice cannot sign with it.");
            certificate.Dispose();
            return null;
        }

        return certificate;
    }
}

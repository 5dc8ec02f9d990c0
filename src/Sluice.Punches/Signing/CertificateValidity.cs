using System.Globalization;
using System.Security.Cryptography.X509Certificates;

namespace Sluice.Punches.Signing;

/// <summary>
/// A signature made outside the certificate's validity is worthless to an auditor (and ICP-Brasil validators reject
/// it), so Sluice refuses to sign then rather than hand out a document that looks signed.
/// </summary>
internal static class CertificateValidity
{
    /// <summary>Why the certificate cannot sign at <paramref name="now"/>; null when it can.</summary>
    public static string? Problem(X509Certificate2 certificate, DateTimeOffset now)
    {
        var notBefore = new DateTimeOffset(certificate.NotBefore.ToUniversalTime());
        var notAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime());
        if (now < notBefore)
        {
            return $"the signing certificate is not valid before {Format(notBefore)}";
        }

        return now > notAfter ? $"the signing certificate expired at {Format(notAfter)}" : null;
    }

    private static string Format(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}

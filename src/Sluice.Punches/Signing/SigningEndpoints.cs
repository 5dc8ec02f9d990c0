using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Sluice.Security;

namespace Sluice.Punches.Signing;

/// <summary>Which certificate signs Sluice's legal outputs, so an auditor can match it against the signatures they hold.</summary>
internal static class SigningEndpoints
{
    internal static Results<Ok<SigningCertificateView>, ProblemHttpResult> GetCertificate(SigningKey key, TimeProvider time)
    {
        if (key.Certificate is not { } certificate)
        {
            return SigningProblems.Unavailable("outputs", SigningUnavailable.NotConfigured);
        }

        var problem = CertificateValidity.Problem(certificate, time.GetUtcNow());
        return TypedResults.Ok(new SigningCertificateView(
            certificate.Subject, certificate.Issuer, certificate.SerialNumber,
            new DateTimeOffset(certificate.NotBefore.ToUniversalTime()), new DateTimeOffset(certificate.NotAfter.ToUniversalTime()),
            Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256)), problem is null, problem));
    }
}

/// <param name="Serial">Hexadecimal, as certificate viewers show it.</param>
/// <param name="Sha256Thumbprint">SHA-256 of the DER certificate, hexadecimal.</param>
/// <param name="ValidNow">Whether Sluice signs with it now; <paramref name="Problem"/> says why not.</param>
public sealed record SigningCertificateView(
    string Subject, string Issuer, string Serial, DateTimeOffset NotBefore, DateTimeOffset NotAfter, string Sha256Thumbprint, bool ValidNow, string? Problem);

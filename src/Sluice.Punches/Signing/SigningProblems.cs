using Microsoft.AspNetCore.Http.HttpResults;

namespace Sluice.Punches.Signing;

/// <summary>
/// A signed output that cannot be signed is refused, never sent unsigned: a file presented as signed must be. The cause
/// is the operator's setting or the certificate's dates, not the caller's input, hence 503 naming the setting.
/// </summary>
internal static class SigningProblems
{
    public static ProblemHttpResult Unavailable(string output, SigningUnavailable why) => TypedResults.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: $"The signed {output} cannot be produced: {why.Reason}.",
        detail: why == SigningUnavailable.NotConfigured
            ? "Configure Punches:Signing:CertificatePath (PKCS#12, with Punches:Signing:CertificatePassword) or Punches:Signing:CertificatePemPath and KeyPemPath, and restart."
            : "Install a valid certificate in Punches:Signing and restart; GET /api/signing/certificate shows the one in use.",
        extensions: new Dictionary<string, object?> { ["field"] = "Punches:Signing" });
}

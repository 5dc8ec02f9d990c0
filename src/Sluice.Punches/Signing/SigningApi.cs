using Sluice.Security;

namespace Sluice.Punches.Signing;

/// <summary>Every route under <c>/api/signing</c>.</summary>
internal static class SigningApi
{
    public static IEndpointRouteBuilder MapSigningApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/signing/certificate", SigningEndpoints.GetCertificate).WithTag("Signing", "The certificate that signs the AFD, the AEJ and the receipts, for checking their signatures.")
            .AsOperation("GetSigningCertificate", SluicePolicies.Read, "The certificate that signs receipts, AFD and AEJ: subject, issuer, serial, validity, SHA-256 thumbprint.");
        return app;
    }
}

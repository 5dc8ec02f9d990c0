using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Http.HttpResults;
using Sluice.Punches.Signing;

namespace Sluice.Punches.Exports;

/// <summary>
/// What the AFD's and the AEJ's <c>.p7s</c> answer alike: a signature only of a pinned production, and with
/// <c>sha256</c> only of the very file the client holds; a signature of other bytes would never verify.
/// </summary>
internal static class DetachedSignatures
{
    /// <param name="file">"AFD" or "AEJ".</param>
    /// <returns>Why the request does not pin one production, or null when it does.</returns>
    public static ValidationProblem? NotPinned(string file, long? upTo, string? generatedAt) =>
        upTo is not null && generatedAt is not null
            ? null
            : TypedResults.ValidationProblem(
                new Dictionary<string, string[]>
                {
                    [upTo is null ? "upTo" : "generatedAt"] = [$"Required: copy the query of the {file}'s Link header, or download {file.ToLowerInvariant()}.zip."],
                },
                title: $"Which {file} to sign is not pinned.");

    /// <param name="changedSince">What changes the file between downloads, for the 409 when <paramref name="sha256"/> differs.</param>
    public static Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult> Sign(
        string file, byte[] content, string fileName, string? sha256, string changedSince, X509Certificate2 certificate, HttpResponse response,
        DateTimeOffset signingTime)
    {
        var digest = SHA256.HashData(content);
        if (sha256 is not null && !string.Equals(sha256, Convert.ToHexString(digest), StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: $"Not signed: this {file} is no longer the file whose SHA-256 was given.",
                detail: $"{changedSince} since that download; download {file.ToLowerInvariant()}.zip for a file and its signature together.",
                extensions: new Dictionary<string, object?> { ["field"] = "sha256" });
        }

        // Lets a client check, before verifying, that the signature is of the file it holds.
        response.Headers["Repr-Digest"] = $"sha-256=:{Convert.ToBase64String(digest)}:";
        return TypedResults.File(CadesSignature.SignDetached(content, certificate, signingTime), CadesSignature.ContentType,
            fileName + CadesSignature.Extension);
    }
}

using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Sluice.Punches.Ledger;
using Sluice.Punches.Signing;

namespace Sluice.Punches.Exports;

/// <summary>
/// The AFD's CAdES detached signature (Art. 87), alone or zipped with the file. Each signs the bytes of one production,
/// written into memory first, so what is signed is what is served.
/// </summary>
internal static class SignedAfdEndpoints
{
    /// <summary>
    /// Only for a pinned production (<c>upTo</c> and <c>generatedAt</c> given, as the AFD's <c>Link</c> header names
    /// them): a signature of a fresh production would not verify against a file downloaded a minute earlier. With
    /// <c>sha256</c> (the hex SHA-256 of the file the client holds), a production that differs (the establishment's INPI
    /// number was corrected since) answers 409 instead of a signature of other bytes.
    /// </summary>
    internal static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> GetSignatureAsync(
        Guid id, [AsParameters] AfdQuery query, string? sha256, HttpResponse response, AfdProductions productions, LedgerQueries ledger,
        SigningKey key, IOptions<PunchesOptions> options, TimeProvider time, CancellationToken ct)
    {
        if (query.UpTo is null || query.GeneratedAt is null)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [query.UpTo is null ? "upTo" : "generatedAt"] = ["Required: copy the query of the AFD's Link header, or download afd.zip."] },
                title: "Which AFD to sign is not pinned.");
        }

        var prepared = await productions.PrepareAsync(id, query, options.Value.DeveloperDocument, ct);
        if (prepared.Production is not { } production)
        {
            return prepared.Invalid is { } invalid ? invalid : prepared.Refused!;
        }

        if (!key.TryGet(out var certificate, out var unavailable))
        {
            return SigningProblems.Unavailable("AFD", unavailable!);
        }

        var afd = await production.ToBytesAsync(ledger, ct);
        var digest = SHA256.HashData(afd);
        if (sha256 is not null && !string.Equals(sha256, Convert.ToHexString(digest), StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Not signed: this AFD is no longer the file whose SHA-256 was given.",
                detail: "The establishment's registry changed since that download; download afd.zip for a file and its signature together.",
                extensions: new Dictionary<string, object?> { ["field"] = "sha256" });
        }

        // Lets a client check, before verifying, that the signature is of the file it holds.
        response.Headers["Repr-Digest"] = $"sha-256=:{Convert.ToBase64String(digest)}:";
        var signature = CadesSignature.SignDetached(afd, certificate, time.GetUtcNow());
        return TypedResults.File(signature, CadesSignature.ContentType, production.FileName + CadesSignature.Extension);
    }

    /// <summary>The file and its <c>.p7s</c> from one production, as REP vendors hand them to auditors.</summary>
    internal static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> GetZipAsync(
        Guid id, [AsParameters] AfdQuery query, AfdProductions productions, LedgerQueries ledger, SigningKey key,
        IOptions<PunchesOptions> options, TimeProvider time, CancellationToken ct)
    {
        var prepared = await productions.PrepareAsync(id, query, options.Value.DeveloperDocument, ct);
        if (prepared.Production is not { } production)
        {
            return prepared.Invalid is { } invalid ? invalid : prepared.Refused!;
        }

        if (!key.TryGet(out var certificate, out var unavailable))
        {
            return SigningProblems.Unavailable("AFD", unavailable!);
        }

        return SignedZip.Create(production.FileName, await production.ToBytesAsync(ledger, ct), certificate, time.GetUtcNow());
    }
}

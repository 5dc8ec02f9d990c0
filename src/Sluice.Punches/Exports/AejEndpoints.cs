using Microsoft.AspNetCore.Http.HttpResults;
using Sluice.Punches.Aej;
using Sluice.Punches.Signing;

namespace Sluice.Punches.Exports;

/// <summary>
/// The AEJ (Portaria 671, Art. 83), its detached CAdES signature (Art. 87 §2) and both zipped, as the AFD's are. The
/// signed forms sign the bytes of one production, so the pair verifies.
/// </summary>
internal static class AejEndpoints
{
    /// <summary>The file, with a <c>Link</c> naming its signature (<c>aej.p7s</c> with the query that reproduces it).</summary>
    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> GetAsync(
        Guid id, [AsParameters] AejQuery query, HttpResponse response, AejProductions productions, CancellationToken ct)
    {
        var prepared = await productions.PrepareAsync(id, query, ct);
        if (prepared.Production is not { } production)
        {
            return prepared.Invalid is { } invalid ? invalid : prepared.Refused!;
        }

        response.Headers.Link = $"</api/establishments/{id}/aej.p7s?{production.Query}>; rel=\"signature\"";
        return TypedResults.File(production.ToBytes(), AejLayout.ContentType, production.FileName);
    }

    /// <summary>
    /// Only for a pinned production (<c>upTo</c> and <c>generatedAt</c> from the AEJ's <c>Link</c>); with <c>sha256</c> (hex,
    /// of the file the client holds), a production that differs answers 409 instead of signing other bytes.
    /// </summary>
    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> GetSignatureAsync(
        Guid id, [AsParameters] AejQuery query, string? sha256, HttpResponse response, AejProductions productions, SigningKey key, TimeProvider time,
        CancellationToken ct)
    {
        if (DetachedSignatures.NotPinned("AEJ", query.UpTo, query.GeneratedAt) is { } notPinned)
        {
            return notPinned;
        }

        var prepared = await productions.PrepareAsync(id, query, ct);
        if (prepared.Production is not { } production)
        {
            return prepared.Invalid is { } invalid ? invalid : prepared.Refused!;
        }

        if (!key.TryGet(out var certificate, out var unavailable))
        {
            return SigningProblems.Unavailable("AEJ", unavailable!);
        }

        return DetachedSignatures.Sign("AEJ", production.ToBytes(),
            production.FileName, sha256, "Schedules, contracts or the registry changed", certificate, response, time.GetUtcNow());
    }

    /// <summary>The file and its <c>.p7s</c> from one production.</summary>
    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> GetZipAsync(
        Guid id, [AsParameters] AejQuery query, AejProductions productions, SigningKey key, TimeProvider time, CancellationToken ct)
    {
        var prepared = await productions.PrepareAsync(id, query, ct);
        if (prepared.Production is not { } production)
        {
            return prepared.Invalid is { } invalid ? invalid : prepared.Refused!;
        }

        if (!key.TryGet(out var certificate, out var unavailable))
        {
            return SigningProblems.Unavailable("AEJ", unavailable!);
        }

        return SignedZip.Create(production.FileName, production.ToBytes(), certificate, time.GetUtcNow());
    }
}

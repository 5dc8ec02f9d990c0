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
        if (DetachedSignatures.NotPinned("AFD", query.UpTo, query.GeneratedAt) is { } notPinned)
        {
            return notPinned;
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

        return DetachedSignatures.Sign("AFD", await production.ToBytesAsync(ledger, ct),
            production.FileName, sha256, "The establishment's registry changed", certificate, response, time.GetUtcNow());
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

using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Sluice.Punches.Afd;
using Sluice.Punches.Ledger;
using Sluice.Punches.Registry;

namespace Sluice.Punches.Exports;

/// <summary>Turns an <see cref="AfdQuery"/> into a production, or into the problem that keeps one from being made.</summary>
internal sealed class AfdProductions(LedgerQueries ledger, EmployeeDirectory directory, TimeProvider time)
{
    private static readonly string[] GeneratedAtFormats = ["yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz"];

    /// <remarks>The header shows the employer as the last type 2 record before the period's end states it, among the records the file may hold.</remarks>
    public async Task<AfdPreparation> PrepareAsync(Guid id, AfdQuery query, string? developerDocument, CancellationToken ct)
    {
        var snapshot = await directory.RefreshIfStaleAsync(ct);
        if (!snapshot.Establishments.TryGetValue(id, out var establishment))
        {
            return new(Refused: Problems.NotFound("No establishment with this id."));
        }

        var zone = snapshot.Zone(id);
        var now = time.GetUtcNow();
        var today = ZoneTime.LocalDate(now, zone);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var first = ExportsApi.ParseDate(query.From, "from", errors) ?? today.AddDays(-30);
        var last = ExportsApi.ParseDate(query.To, "to", errors) ?? today;
        if (errors.Count == 0 && last < first)
        {
            errors["to"] = ["Must not be before from."];
        }

        var lastNsr = await ledger.LastNsrAsync(id, ct);
        if (query.UpTo is < 0 || query.UpTo > lastNsr)
        {
            errors["upTo"] = [$"Must be an NSR from 0 to {lastNsr}, this establishment's last record."];
        }

        var generatedAt = ParseGeneratedAt(query.GeneratedAt, now, errors);
        if (errors.Count > 0)
        {
            return new(Invalid: TypedResults.ValidationProblem(errors, title: "The AFD's period is not valid."));
        }

        if (AfdDeveloper.From(developerDocument) is not { } developer)
        {
            return new(Refused: AfdDeveloper.Missing());
        }

        if (InpiNumbers.Normalize(establishment.InpiNumber) is not { } inpi)
        {
            return new(Refused: TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The AFD cannot be written: the establishment's INPI number is not a valid registration.",
                detail: $"'{establishment.InpiNumber}' is not BR 51, a year, six digits and a check digit; correct it with PUT /api/establishments/{id}.",
                extensions: new Dictionary<string, object?> { ["field"] = "inpiNumber" }));
        }

        var upTo = query.UpTo ?? lastNsr;
        var end = ZoneTime.StartOfDay(last.AddDays(1), zone);
        var employer = (await ledger.EmployersAsync(id, ct)).Through(upTo).InForceBefore(end, establishment);
        var header = new AfdHeader(
            employer.DocumentType == 1 ? AfdDocumentType.Cnpj : AfdDocumentType.Cpf, employer.Document, employer.CnoCaepf,
            employer.LegalName, inpi, first, last, ZoneTime.InZone(generatedAt, zone), developer.Type, developer.Document);
        return new(new AfdProduction(id, header, zone, upTo));
    }

    /// <summary>
    /// To the minute, as the header writes it (seconds are always 00), so that now and a later request naming the same
    /// minute give one header. Never in the future: an AFD cannot claim to be generated later than it was.
    /// </summary>
    private static DateTimeOffset ParseGeneratedAt(string? text, DateTimeOffset now, Dictionary<string, string[]> errors)
    {
        var at = now;
        if (text is not null)
        {
            if (!DateTimeOffset.TryParseExact(text, GeneratedAtFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out at))
            {
                errors["generatedAt"] = ["Use a time with its offset, e.g. 2026-12-07T08:30-03:00."];
                return now;
            }

            if (at > now)
            {
                errors["generatedAt"] = ["Must not be in the future."];
            }
        }

        return at.AddTicks(-(at.Ticks % TimeSpan.TicksPerMinute));
    }
}

/// <summary>A production, or why there is none: the period is invalid (400), or something else refuses it.</summary>
internal sealed record AfdPreparation(AfdProduction? Production = null, ValidationProblem? Invalid = null, ProblemHttpResult? Refused = null);

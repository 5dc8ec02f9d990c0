using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Sluice.Punches.Ledger;
using Sluice.Punches.Registry;

namespace Sluice.Punches.Exports;

/// <summary>How one kind of file reads its period and its generation time.</summary>
/// <param name="File">"AFD" or "AEJ", for the problems' titles.</param>
/// <param name="DefaultFirst">The first day when the request names none, from today in the establishment's zone.</param>
/// <param name="PeriodError">Why a parsed period (first, last) is not one this file takes; null when it is.</param>
internal sealed record ProductionRules(
    string File, string[] GeneratedAtFormats, string GeneratedAtExample, Func<DateOnly, DateOnly> DefaultFirst, Func<DateOnly, DateOnly, string?> PeriodError);

/// <summary>One production of an AFD or an AEJ, pinned: the same request gives the same bytes on any node at any later time.</summary>
internal sealed record PinnedProduction(
    Establishment Establishment, DirectorySnapshot Snapshot, TimeZoneInfo Zone, DateOnly First, DateOnly Last, long UpTo, DateTimeOffset GeneratedAt,
    string Inpi);

/// <summary>A pinned production, or why there is none: the request is invalid (400), or something else refuses it.</summary>
internal sealed record PinResult(PinnedProduction? Pinned = null, ValidationProblem? Invalid = null, ProblemHttpResult? Refused = null);

/// <summary>
/// What the AFD and the AEJ check alike before either is written: the establishment, the period, the last NSR the file
/// may hold, the generation time (never in the future) and the establishment's INPI registration, which both files carry.
/// </summary>
internal sealed class ProductionPins(LedgerQueries ledger, EmployeeDirectory directory, TimeProvider time)
{
    /// <param name="unwritable">Why the file cannot be written whatever the request (its developer is not configured), checked after the request.</param>
    public async Task<PinResult> PinAsync(
        Guid id, string? from, string? to, long? upTo, string? generatedAt, ProductionRules rules, ProblemHttpResult? unwritable, CancellationToken ct)
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
        var (first, last) = ExportEndpoints.Period(from, to, rules.DefaultFirst(today), today, rules.PeriodError, errors);

        var lastNsr = await ledger.LastNsrAsync(id, ct);
        if (upTo is < 0 || upTo > lastNsr)
        {
            errors["upTo"] = [$"Must be an NSR from 0 to {lastNsr}, this establishment's last record."];
        }

        var at = ParseGeneratedAt(generatedAt, now, rules, errors);
        if (errors.Count > 0)
        {
            return new(Invalid: TypedResults.ValidationProblem(errors, title: $"The {rules.File}'s period is not valid."));
        }

        if (unwritable is not null)
        {
            return new(Refused: unwritable);
        }

        if (InpiNumbers.Normalize(establishment.InpiNumber) is not { } inpi)
        {
            return new(Refused: TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: $"The {rules.File} cannot be written: the establishment's INPI number is not a valid registration.",
                detail: $"'{establishment.InpiNumber}' is not BR 51, a year, six digits and a check digit; correct it with PUT /api/establishments/{id}.",
                extensions: new Dictionary<string, object?> { ["field"] = "inpiNumber" }));
        }

        return new(new PinnedProduction(establishment, snapshot, zone, first, last, upTo ?? lastNsr, at, inpi));
    }

    private static DateTimeOffset ParseGeneratedAt(string? text, DateTimeOffset now, ProductionRules rules, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return now;
        }

        if (!DateTimeOffset.TryParseExact(text, rules.GeneratedAtFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            errors["generatedAt"] = [$"Use a time with its offset, e.g. {rules.GeneratedAtExample}."];
            return now;
        }

        if (at > now)
        {
            errors["generatedAt"] = ["Must not be in the future."];
        }

        return at;
    }
}

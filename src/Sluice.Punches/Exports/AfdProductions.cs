using Microsoft.AspNetCore.Http.HttpResults;
using Sluice.Punches.Afd;
using Sluice.Punches.Ledger;
using Sluice.Punches.Registry;

namespace Sluice.Punches.Exports;

/// <summary>Turns an <see cref="AfdQuery"/> into a production, or into the problem that keeps one from being made.</summary>
internal sealed class AfdProductions(LedgerQueries ledger, EmployeeDirectory directory, TimeProvider time)
{
    private static readonly ProductionRules Rules = new(
        "AFD", ["yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz"], "2026-12-07T08:30-03:00",
        today => today.AddDays(-30), (first, last) => last < first ? "Must not be before from." : null);

    private readonly ProductionPins _pins = new(ledger, directory, time);

    /// <remarks>The header shows the employer as the last type 2 record before the period's end states it, among the records the file may hold.</remarks>
    public async Task<AfdPreparation> PrepareAsync(Guid id, AfdQuery query, string? developerDocument, CancellationToken ct)
    {
        var developer = AfdDeveloper.From(developerDocument);
        var pin = await _pins.PinAsync(id, query.From, query.To, query.UpTo, query.GeneratedAt, Rules, developer is null ? AfdDeveloper.Missing() : null, ct);
        if (pin.Pinned is not { } pinned)
        {
            return new(Invalid: pin.Invalid, Refused: pin.Refused);
        }

        var end = ZoneTime.StartOfDay(pinned.Last.AddDays(1), pinned.Zone);
        var employer = (await ledger.EmployersAsync(id, ct)).Through(pinned.UpTo).InForceBefore(end, pinned.Establishment);
        var header = new AfdHeader(
            employer.DocumentType == 1 ? AfdDocumentType.Cnpj : AfdDocumentType.Cpf, employer.Document, employer.CnoCaepf,
            employer.LegalName, pinned.Inpi, pinned.First, pinned.Last, ZoneTime.InZone(ToMinute(pinned.GeneratedAt), pinned.Zone),
            developer!.Type, developer.Document);
        return new(new AfdProduction(id, header, pinned.Zone, pinned.UpTo));
    }

    /// <summary>
    /// To the minute, as the header writes it (seconds are always 00), so that now and a later request naming the same
    /// minute give one header.
    /// </summary>
    private static DateTimeOffset ToMinute(DateTimeOffset at) => at.AddTicks(-(at.Ticks % TimeSpan.TicksPerMinute));
}

/// <summary>A production, or why there is none: the period is invalid (400), or something else refuses it.</summary>
internal sealed record AfdPreparation(AfdProduction? Production = null, ValidationProblem? Invalid = null, ProblemHttpResult? Refused = null);

using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Sluice.Punches.Aej;
using Sluice.Punches.Afd;
using Sluice.Punches.Ledger;
using Sluice.Punches.Registry;
using Sluice.Punches.Treatment;

namespace Sluice.Punches.Exports;

/// <summary>Turns an <see cref="AejQuery"/> into a production: the registry, the contracts and schedules, and the treated markings.</summary>
internal sealed class AejProductions(
    LedgerQueries ledger, TreatedMarkings markings, TreatmentStore treatment, EmployeeDirectory directory, IOptions<PunchesOptions> options, TimeProvider time)
{
    private static readonly ProductionRules Rules = new(
        "AEJ", ["yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.fffzzz"], "2026-12-07T08:30:15.250-03:00",
        ExportEndpoints.FirstOfMonth, ExportEndpoints.WithinMaxDays);

    private static readonly string ProgramVersion =
        typeof(AejProductions).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "1.0.0";

    private readonly ProductionPins _pins = new(ledger, directory, time);

    public async Task<AejPreparation> PrepareAsync(Guid id, AejQuery query, CancellationToken ct)
    {
        var program = Program(options.Value);
        var pin = await _pins.PinAsync(id, query.From, query.To, query.UpTo, query.GeneratedAt, Rules, program is null ? DeveloperMissing(options.Value) : null, ct);
        if (pin.Pinned is not { } pinned)
        {
            return new(Invalid: pin.Invalid, Refused: pin.Refused);
        }

        var (establishment, snapshot, zone, first, last, upTo, generatedAt, inpi) = pinned;
        var start = ZoneTime.StartOfDay(first, zone);
        var end = ZoneTime.StartOfDay(last.AddDays(1), zone);
        var byEmployee = await markings.ForEstablishmentAsync(id, start, end, upTo, generatedAt, ct);
        var contracts = (await treatment.ContractsAsync(id, ct)).ToDictionary(c => c.EmployeeId);
        var schedules = (await treatment.SchedulesAsync(id, ct)).ToDictionary(s => s.Id);
        var employees = snapshot.Employees.Values
            .Where(e => e.EstablishmentId == id && (byEmployee.ContainsKey(e.Id) || (e.Active && contracts.ContainsKey(e.Id))))
            .OrderBy(e => e.Code, StringComparer.Ordinal).ToList();
        if (employees.Where(e => !contracts.ContainsKey(e.Id)).Select(e => e.Code).ToList() is { Count: > 0 } without)
        {
            return new(Refused: TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The AEJ cannot be written: employees with markings in the period have no contractual schedule.",
                detail: $"Each journey's first entry must name its schedule. Set one with PUT /api/employees/{{id}}/contract for: {string.Join(", ", without.Take(20))}.",
                extensions: new Dictionary<string, object?> { ["field"] = "contract", ["employees"] = without }));
        }

        var used = employees.Select(e => schedules[contracts[e.Id].ScheduleId]).DistinctBy(s => s.Id).OrderBy(s => s.Code, StringComparer.Ordinal);
        var employer = (await ledger.EmployersAsync(id, ct)).Through(upTo).InForceBefore(end, establishment);
        var content = new AejContent(
            new AejEmployer(employer.DocumentType, employer.Document, employer.CnoCaepf, employer.LegalName), inpi, first, last,
            ZoneTime.InZone(generatedAt, zone), zone,
            [.. used.Select(s => new AejSchedule(s.Code, s.DailyMinutes, s.Pairs))],
            [.. employees.Select(e => new AejEmployee(e.Cpf, e.Name, schedules[contracts[e.Id].ScheduleId].Code,
                byEmployee.TryGetValue(e.Id, out var m) ? m : new EmployeeMarkings(e.Id, [], [])))],
            program!);
        return new(new AejProduction(id, content, upTo));
    }

    /// <summary>Type 08 names the program and its developer: the AEJ is refused rather than written naming nobody.</summary>
    private static AejProgram? Program(PunchesOptions options) =>
        AfdDeveloper.From(options.DeveloperDocument) is { } developer && !string.IsNullOrWhiteSpace(options.DeveloperName)
        && !string.IsNullOrWhiteSpace(options.DeveloperEmail)
            ? new AejProgram("Sluice", ProgramVersion, developer.Type, developer.Document, options.DeveloperName, options.DeveloperEmail)
            : null;

    private static ProblemHttpResult DeveloperMissing(PunchesOptions options)
    {
        var missing = new[]
        {
            AfdDeveloper.From(options.DeveloperDocument) is null ? "Punches:DeveloperDocument" : null,
            string.IsNullOrWhiteSpace(options.DeveloperName) ? "Punches:DeveloperName" : null,
            string.IsNullOrWhiteSpace(options.DeveloperEmail) ? "Punches:DeveloperEmail" : null,
        }.OfType<string>().ToArray();
        return TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "The AEJ cannot be written: its type 08 record must name the treatment program's developer.",
            detail: $"Set {string.Join(", ", missing)} and restart.",
            extensions: new Dictionary<string, object?> { ["field"] = missing[0] });
    }
}

using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Sluice.Punches.Aej;
using Sluice.Punches.Afd;
using Sluice.Punches.Ledger;
using Sluice.Punches.Registry;
using Sluice.Punches.Timesheets;
using Sluice.Punches.Treatment;

namespace Sluice.Punches.Exports;

/// <summary>Turns an <see cref="AejQuery"/> into a production: the registry, the contracts and schedules, and the treated markings.</summary>
internal sealed class AejProductions(
    LedgerQueries ledger, TreatedMarkings markings, TreatmentStore treatment, EmployeeDirectory directory, IOptions<PunchesOptions> options, TimeProvider time)
{
    private static readonly string[] GeneratedAtFormats =
        ["yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.fffzzz"];

    private static readonly string ProgramVersion =
        typeof(AejProductions).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "1.0.0";

    public async Task<AejPreparation> PrepareAsync(Guid id, AejQuery query, CancellationToken ct)
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
        var first = ExportsApi.ParseDate(query.From, "from", errors) ?? new DateOnly(today.Year, today.Month, 1);
        var last = ExportsApi.ParseDate(query.To, "to", errors) ?? today;
        if (errors.Count == 0 && (last < first || last.DayNumber - first.DayNumber + 1 > TimesheetRules.MaxDays))
        {
            errors["to"] = [$"Must be from `from` to {TimesheetRules.MaxDays} days after it."];
        }

        var lastNsr = await ledger.LastNsrAsync(id, ct);
        if (query.UpTo is < 0 || query.UpTo > lastNsr)
        {
            errors["upTo"] = [$"Must be an NSR from 0 to {lastNsr}, this establishment's last record."];
        }

        var generatedAt = ParseGeneratedAt(query.GeneratedAt, now, errors);
        if (errors.Count > 0)
        {
            return new(Invalid: TypedResults.ValidationProblem(errors, title: "The AEJ's period is not valid."));
        }

        if (Program(options.Value) is not { } program)
        {
            return new(Refused: DeveloperMissing(options.Value));
        }

        if (InpiNumbers.Normalize(establishment.InpiNumber) is not { } inpi)
        {
            return new(Refused: TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The AEJ cannot be written: the establishment's INPI number is not a valid registration.",
                detail: $"Correct it with PUT /api/establishments/{id}.",
                extensions: new Dictionary<string, object?> { ["field"] = "inpiNumber" }));
        }

        var upTo = query.UpTo ?? lastNsr;
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
            program);
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

    /// <summary>Exact, so the treatments counted are those made up to that instant; never in the future.</summary>
    private static DateTimeOffset ParseGeneratedAt(string? text, DateTimeOffset now, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return now;
        }

        if (!DateTimeOffset.TryParseExact(text, GeneratedAtFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            errors["generatedAt"] = ["Use a time with its offset, e.g. 2026-12-07T08:30:15.250-03:00."];
            return now;
        }

        if (at > now)
        {
            errors["generatedAt"] = ["Must not be in the future."];
        }

        return at;
    }
}

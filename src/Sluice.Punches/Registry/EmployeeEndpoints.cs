using System.Security.Claims;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Sluice.Security;

namespace Sluice.Punches.Registry;

/// <summary>Employees: created, changed, listed and imported; every change that the AFD shows is a ledger record.</summary>
internal static class EmployeeEndpoints
{
    /// <summary>Rows per transaction in an import: on SQLite each write waits its turn with intake, so keep them short.</summary>
    private const int ImportChunk = 500;

    public static async Task<Results<Created<EmployeeView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        Guid id, EmployeeRequest? request, ClaimsPrincipal caller, RegistryStore store, EmployeeDirectory directory, WebPinHasher hasher,
        IOptions<PunchesOptions> options, HttpContext http, TimeProvider time, CancellationToken ct)
    {
        if (!caller.MayActFor(id.ToString()))
        {
            return Problems.OutOfScope(caller);
        }

        var errors = RegistryValidator.Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The employee is not valid; nothing was stored.");
        }

        if (!(await directory.RefreshIfStaleAsync(ct)).Establishments.ContainsKey(id))
        {
            return Problems.NotFound("No establishment with this id.");
        }

        if (ResponsiblePerson.Cpf(caller, options.Value.ResponsibleCpfClaim) is not { } responsible)
        {
            return ResponsiblePerson.Missing(caller, options.Value.ResponsibleCpfClaim);
        }

        if (await hasher.HashAsync([request!.WebPin], ct) is not [var webPinHash])
        {
            return HashingBusy(http);
        }

        var result = await SaveOneAsync(id, new EmployeeRow(1, request, webPinHash, CreateOnly: true), responsible, store, directory, time, ct);
        return result.Outcome == EmployeeRowOutcome.Created
            ? TypedResults.Created($"/api/employees/{result.Employee!.Id}", result.Employee.View())
            : Refusal(result);
    }

    public static async Task<Results<Ok<EmployeeView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, EmployeeRequest? request, ClaimsPrincipal caller, RegistryStore store, EmployeeDirectory directory, WebPinHasher hasher,
        IOptions<PunchesOptions> options, HttpContext http, TimeProvider time, CancellationToken ct)
    {
        var errors = RegistryValidator.Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The employee is not valid; nothing was changed.");
        }

        if (!(await directory.RefreshIfStaleAsync(ct)).Employees.TryGetValue(id, out var existing))
        {
            return Problems.NotFound("No employee with this id.");
        }

        if (!caller.MayActFor(existing.EstablishmentId.ToString()))
        {
            return Problems.OutOfScope(caller);
        }

        if (ResponsiblePerson.Cpf(caller, options.Value.ResponsibleCpfClaim) is not { } responsible)
        {
            return ResponsiblePerson.Missing(caller, options.Value.ResponsibleCpfClaim);
        }

        if (await hasher.HashAsync([request!.WebPin], ct) is not [var webPinHash])
        {
            return HashingBusy(http);
        }

        var result = await SaveOneAsync(existing.EstablishmentId, new EmployeeRow(1, request, webPinHash, id), responsible, store, directory, time, ct);
        return result.Outcome switch
        {
            EmployeeRowOutcome.Refused => Refusal(result),
            EmployeeRowOutcome.NotFound => Problems.NotFound("No employee with this id."),
            _ => TypedResults.Ok(result.Employee!.View()),
        };
    }

    public static async Task<Results<Ok<EmployeeView>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal caller, EmployeeDirectory directory, CancellationToken ct) =>
        (await directory.RefreshIfStaleAsync(ct)).Employees.TryGetValue(id, out var employee)
            ? TypedResults.Ok(ForCaller(employee.View(), caller))
            : Problems.NotFound("No employee with this id.");

    public static async Task<Results<Ok<EmployeeView[]>, ProblemHttpResult>> ListAsync(
        Guid id, ClaimsPrincipal caller, EmployeeDirectory directory, CancellationToken ct)
    {
        var snapshot = await directory.RefreshIfStaleAsync(ct);
        if (!snapshot.Establishments.ContainsKey(id))
        {
            return Problems.NotFound("No establishment with this id.");
        }

        return TypedResults.Ok(snapshot.Employees.Values.Where(e => e.EstablishmentId == id)
            .OrderBy(e => e.Code, StringComparer.Ordinal).Select(e => ForCaller(e.View(), caller)).ToArray());
    }

    /// <summary>
    /// The device PIN punches at a clock in the employee's name: only those who keep the register see it, not an
    /// auditor reading it.
    /// </summary>
    private static EmployeeView ForCaller(EmployeeView view, ClaimsPrincipal caller) =>
        PolicyTable.Admits(PolicyTable.For(SluicePolicies.Registry), caller) ? view : view with { Pin = null };

    /// <summary>
    /// Imports a CSV: each row is checked on its own; good rows are created or updated (by code), bad ones are
    /// listed with their line, field and reason. Rows go in in chunks, each chunk one transaction. A file of more than
    /// <see cref="PunchesOptions.MaxImportRows"/> rows, or one that finds every PIN-hashing slot taken, stores nothing.
    /// </summary>
    public static async Task<Results<Ok<EmployeeImportResult>, ValidationProblem, ProblemHttpResult>> ImportAsync(
        Guid id, HttpRequest http, ClaimsPrincipal caller, RegistryStore store, EmployeeDirectory directory, WebPinHasher hasher,
        IOptions<PunchesOptions> options, TimeProvider time, CancellationToken ct)
    {
        if (!caller.MayActFor(id.ToString()))
        {
            return Problems.OutOfScope(caller);
        }

        if (ResponsiblePerson.Cpf(caller, options.Value.ResponsibleCpfClaim) is not { } responsible)
        {
            return ResponsiblePerson.Missing(caller, options.Value.ResponsibleCpfClaim);
        }

        if (http.ContentType is not { } type || !type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send the employees as text/csv.");
        }

        if (!(await directory.RefreshIfStaleAsync(ct)).Establishments.ContainsKey(id))
        {
            return Problems.NotFound("No establishment with this id.");
        }

        using var body = new StreamReader(http.Body, System.Text.Encoding.UTF8);
        var csv = EmployeeCsv.Read(await body.ReadToEndAsync(ct), options.Value.MaxImportRows);
        if (csv.HeaderProblem is { } headerProblem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["header"] = [headerProblem] },
                title: "The file cannot be read; nothing was stored.");
        }

        if (csv.Rows > options.Value.MaxImportRows)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]>
                {
                    ["rows"] = [string.Create(CultureInfo.InvariantCulture, $"The file has more than {options.Value.MaxImportRows} rows, the most one import takes: split it.")],
                },
                title: "The file is too long; nothing was stored.");
        }

        var errors = csv.Problems.Select(p => new EmployeeImportError(p.Line, p.Field, p.Reason)).ToList();
        var rows = new List<(int Number, EmployeeRequest Request)>();
        foreach (var line in csv.Lines)
        {
            var request = ToRequest(line, out var activeProblem);
            var problems = RegistryValidator.Validate(request);
            if (activeProblem is not null)
            {
                problems["active"] = [activeProblem];
            }

            if (problems.Count == 0)
            {
                rows.Add((line.Number, request));
            }

            errors.AddRange(problems.Select(p => new EmployeeImportError(line.Number, p.Key, p.Value[0])));
        }

        // Hashing web PINs is slow on purpose: do it before the transaction, on the cores the hasher lets us have.
        if (await hasher.HashAsync(rows.Select(r => r.Request.WebPin).ToList(), ct) is not { } hashes)
        {
            return HashingBusy(http.HttpContext);
        }

        int created = 0, updated = 0, unchanged = 0;
        for (var start = 0; start < rows.Count; start += ImportChunk)
        {
            var chunk = Enumerable.Range(start, Math.Min(ImportChunk, rows.Count - start))
                .Select(i => new EmployeeRow(rows[i].Number, rows[i].Request, hashes[i])).ToList();
            var results = await SaveAsync(id, chunk, responsible, store, time, ct);
            foreach (var result in results)
            {
                switch (result.Outcome)
                {
                    case EmployeeRowOutcome.Created: created++; break;
                    case EmployeeRowOutcome.Updated: updated++; break;
                    case EmployeeRowOutcome.Unchanged: unchanged++; break;
                    default: errors.Add(new EmployeeImportError(result.Number, result.Field!, result.Reason!)); break;
                }
            }
        }

        await directory.ReloadAsync(ct);
        return TypedResults.Ok(new EmployeeImportResult(created, updated, unchanged, errors.OrderBy(e => e.Row).ToList()));
    }

    private static EmployeeRequest ToRequest(EmployeeCsv.Line line, out string? activeProblem)
    {
        string? Value(string column) => line.Values.TryGetValue(column, out var v) && v.Length > 0 ? v : null;
        activeProblem = null;
        bool? active = null;
        if (Value("active") is { } text)
        {
            active = text.ToLowerInvariant() switch
            {
                "true" or "1" or "yes" or "sim" or "s" => true,
                "false" or "0" or "no" or "nao" or "não" or "n" => false,
                _ => null,
            };
            activeProblem = active is null ? "Use true or false." : null;
        }

        return new EmployeeRequest(Value("code"), Value("name"), Value("cpf"), Value("pin"), Value("webPin"), active);
    }

    private static async Task<EmployeeRowResult> SaveOneAsync(
        Guid establishmentId, EmployeeRow row, string responsibleCpf, RegistryStore store, EmployeeDirectory directory, TimeProvider time, CancellationToken ct)
    {
        var result = (await SaveAsync(establishmentId, [row], responsibleCpf, store, time, ct))[0];
        await directory.ReloadAsync(ct);
        return result;
    }

    private static Task<List<EmployeeRowResult>> SaveAsync(
        Guid establishmentId, IReadOnlyList<EmployeeRow> rows, string responsibleCpf, RegistryStore store, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return store.SaveEmployeesAsync(establishmentId, current =>
        {
            var planner = new EmployeePlanner(establishmentId, current, now);
            var results = rows.Select(planner.Apply).ToList();
            return (planner.Changes, results);
        }, responsibleCpf, now, ct);
    }

    private static ValidationProblem Refusal(EmployeeRowResult result) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [result.Field!] = [result.Reason!] },
            title: "The employee conflicts with another; nothing was stored.");

    /// <summary>Every PIN-hashing slot is taken by other requests: nothing was stored, and the caller may try again.</summary>
    private static ProblemHttpResult HashingBusy(HttpContext http)
    {
        http.Response.Headers.RetryAfter = ((int)WebPinHasher.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Web PINs are being hashed for other requests on every core; nothing was stored. Try again after Retry-After.");
    }
}

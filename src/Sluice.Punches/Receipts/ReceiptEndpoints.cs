using Microsoft.AspNetCore.Http.HttpResults;
using Sluice.Punches.Ledger;
using Sluice.Punches.Pages;
using Sluice.Punches.Registry;
using Sluice.Punches.Signing;
using Sluice.Security;

namespace Sluice.Punches.Receipts;

/// <summary>
/// The Art. 79 receipt ("comprovante") of a punch, as JSON or as a printable page, and an employee's receipts of
/// the last hours (the regulation: at least the last 48).
/// </summary>
internal static class ReceiptEndpoints
{
    internal static async Task<Results<Ok<PunchReceiptView>, ContentHttpResult, FileContentHttpResult, ProblemHttpResult>> GetReceiptAsync(
        Guid id, HttpRequest http, LedgerQueries ledger, EmployeeDirectory directory, SigningKey key, TimeProvider time, CancellationToken ct)
    {
        var punch = await ledger.FindByMessageAsync(id, ct);
        if (punch is null)
        {
            return Problems.NotFound("No punch with this id.");
        }

        var receipt = Build(punch, await directory.RefreshIfStaleAsync(ct), await ledger.EmployersAsync(punch.EstablishmentId, ct));
        if (Accepts(http, ReceiptPdf.ContentType))
        {
            // Refused rather than sent unsigned: a receipt PDF is only ever the signed one.
            if (!key.TryGet(out var certificate, out var unavailable))
            {
                return SigningProblems.Unavailable("receipt", unavailable!);
            }

            var pdf = await ReceiptPdf.SignedAsync(receipt.Page(), certificate, time.GetUtcNow());
            return TypedResults.File(pdf, ReceiptPdf.ContentType, $"comprovante-{receipt.Nsr:000000000}.pdf");
        }

        return http.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true)
            ? PunchPages.Html(await PunchPages.ReceiptAsync(http.HttpContext.RequestServices, receipt.Page()))
            : TypedResults.Ok(receipt);
    }

    private static bool Accepts(HttpRequest http, string mediaType) =>
        http.Headers.Accept.Any(a => a?.Contains(mediaType, StringComparison.OrdinalIgnoreCase) == true);

    internal static async Task<Results<Ok<PunchReceiptView[]>, ValidationProblem, ProblemHttpResult>> ListReceiptsAsync(
        Guid id, int? hours, LedgerQueries ledger, EmployeeDirectory directory, TimeProvider time, CancellationToken ct)
    {
        if (hours is < 1 or > 24 * 366)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["hours"] = ["Use 1 to 8784."] });
        }

        var snapshot = await directory.RefreshIfStaleAsync(ct);
        if (!snapshot.Employees.ContainsKey(id))
        {
            return Problems.NotFound("No employee with this id.");
        }

        var now = time.GetUtcNow();
        var punches = await ledger.ForEmployeeAsync(id, now.AddHours(-(hours ?? 48)), now.AddDays(1), ct);
        var employers = await ledger.EmployersAsync(snapshot.Employees[id].EstablishmentId, ct);
        return TypedResults.Ok(punches.Select(p => Build(p, snapshot, employers)).ToArray());
    }

    /// <summary>
    /// The receipt of <paramref name="punch"/>: the employer as the type 2 record in force at the punch states it (so a
    /// rename later does not change a receipt already given), both times in the establishment's zone.
    /// </summary>
    internal static PunchReceiptView Build(LedgerPunch punch, DirectorySnapshot snapshot, EmployerHistory employers)
    {
        var employer = employers.InForceAt(punch.Nsr, snapshot.Establishments[punch.EstablishmentId]);
        var zone = snapshot.Zone(punch.EstablishmentId);
        var employee = snapshot.Employees.GetValueOrDefault(punch.EmployeeId);
        return new PunchReceiptView(
            PunchPages.ReceiptTitle, punch.MessageId, punch.Nsr, employer.LegalName, employer.DocumentType == 1 ? "cnpj" : "cpf",
            employer.Document, employer.CnoCaepf, employee?.Name ?? "", punch.Cpf, ZoneTime.InZone(punch.PunchedAt, zone),
            ZoneTime.InZone(punch.RecordedAt, zone), InpiNumbers.Display(employer.InpiNumber), punch.Hash, punch.Collector.Name(), punch.Offline)
        {
            Place = employer.Place,
        };
    }
}

/// <summary>Art. 79's fields, plus what the ledger knows about how the punch was collected.</summary>
public sealed record PunchReceiptView(
    string Title, Guid PunchId, long Nsr, string EmployerName, string EmployerDocumentType, string EmployerDocument, string? EmployerCnoOrCaepf,
    string WorkerName, string WorkerCpf, DateTimeOffset PunchedAt, DateTimeOffset RecordedAt, string InpiNumber, string Hash,
    string Collector, bool Offline)
{
    /// <summary>Art. 79 IV: where the service is rendered, when it is not the employer's address.</summary>
    public string? Place { get; init; }

    internal PunchReceiptModel Page() => new(
        Nsr, EmployerName, EmployerDocument, EmployerCnoOrCaepf, Place, WorkerName, WorkerCpf, PunchedAt, InpiNumber, Hash,
        $"/api/punches/{PunchId}/receipt");
}

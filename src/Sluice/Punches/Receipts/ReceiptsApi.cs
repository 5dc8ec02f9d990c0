using Microsoft.AspNetCore.Http.HttpResults;
using Sluice.Punches.Ledger;
using Sluice.Punches.Pages;
using Sluice.Punches.Registry;
using Sluice.Security;

namespace Sluice.Punches.Receipts;

/// <summary>
/// The Art. 79 receipt ("comprovante") of a punch, as JSON or as a printable page, and an employee's receipts of
/// the last hours (the regulation: at least the last 48).
/// </summary>
public static class ReceiptsApi
{
    public static IEndpointRouteBuilder MapReceiptsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/punches/{id:guid}/receipt", GetReceiptAsync).WithTags("Receipts").WithName("GetPunchReceipt")
            .WithSummary("The punch's Art. 79 receipt: JSON, or a printable HTML page for Accept: text/html.")
            .RequireSluicePolicy(SluicePolicies.Read);
        app.MapGet("/api/employees/{id:guid}/receipts", ListReceiptsAsync).WithTags("Receipts").WithName("ListEmployeeReceipts")
            .WithSummary("The employee's receipts for punches of the last `hours` (default 48).")
            .RequireSluicePolicy(SluicePolicies.Read);
        return app;
    }

    internal static async Task<Results<Ok<PunchReceiptView>, ContentHttpResult, ProblemHttpResult>> GetReceiptAsync(
        Guid id, HttpRequest http, LedgerQueries ledger, EmployeeDirectory directory, CancellationToken ct)
    {
        var punch = await ledger.FindByMessageAsync(id, ct);
        if (punch is null)
        {
            return Problems.NotFound("No punch with this id.");
        }

        var receipt = Build(punch, await directory.GetAsync(ct));
        return http.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true)
            ? PunchPages.Html(PunchPages.Receipt(receipt.Page()))
            : TypedResults.Ok(receipt);
    }

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
        return TypedResults.Ok(punches.Select(p => Build(p, snapshot)).ToArray());
    }

    internal static PunchReceiptView Build(LedgerPunch punch, DirectorySnapshot snapshot)
    {
        var establishment = snapshot.Establishments[punch.EstablishmentId];
        var employee = snapshot.Employees.GetValueOrDefault(punch.EmployeeId);
        return new PunchReceiptView(
            PunchPages.ReceiptTitle, punch.MessageId, punch.Nsr, establishment.LegalName, establishment.DocumentType == 1 ? "cnpj" : "cpf",
            establishment.Document, establishment.CnoCaepf, employee?.Name ?? "", punch.Cpf, punch.PunchedAt, punch.RecordedAt,
            establishment.InpiNumber, punch.Hash, punch.Collector.Name(), punch.Offline);
    }
}

/// <summary>Art. 79's fields, plus what the ledger knows about how the punch was collected.</summary>
public sealed record PunchReceiptView(
    string Title, Guid PunchId, long Nsr, string EmployerName, string EmployerDocumentType, string EmployerDocument, string? EmployerCnoOrCaepf,
    string WorkerName, string WorkerCpf, DateTimeOffset PunchedAt, DateTimeOffset RecordedAt, string InpiNumber, string Hash,
    string Collector, bool Offline)
{
    internal PunchReceiptModel Page() => new(
        Nsr, EmployerName, EmployerDocument, EmployerCnoOrCaepf, null, WorkerName, WorkerCpf, PunchedAt, InpiNumber, Hash,
        $"/api/punches/{PunchId}/receipt");
}

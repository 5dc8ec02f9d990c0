using Microsoft.AspNetCore.Http.HttpResults;
using Sluice.Journal;
using Sluice.Punches.Ledger;
using Sluice.Punches.Pages;
using Sluice.Punches.Receipts;
using Sluice.Punches.Registry;

namespace Sluice.Punches.WebPage;

/// <summary>
/// Seed 000's employee page: a form (CPF or code and web PIN), then a success screen with the receipt or an error
/// screen. The punch time is the server's: a browser's clock is not trusted, and the page is online by nature.
/// </summary>
internal static class PunchPageEndpoints
{
    /// <summary>
    /// The form, with the establishment's clock to the second when every establishment keeps one zone: the time the punch
    /// will carry, since the page's punches take the server's time.
    /// </summary>
    internal static async Task<ContentHttpResult> FormAsync(HttpContext http, EmployeeDirectory directory, TimeProvider time, CancellationToken ct)
    {
        var snapshot = await directory.GetAsync(ct);
        var zones = snapshot.Establishments.Keys.Select(snapshot.Zone).DistinctBy(z => z.Id).Take(2).ToList();
        var clock = zones.Count == 1 ? ZoneTime.InZone(time.GetUtcNow(), zones[0]) : (DateTimeOffset?)null;
        return PunchPages.Html(await PunchPages.FormAsync(http.RequestServices, new PunchFormModel(Clock: clock)));
    }

    internal static async Task<ContentHttpResult> PunchAsync(
        HttpRequest http, PunchIntake intake, EmployeeDirectory directory, LedgerQueries ledger, WebPinGuard guard, ReceiptLinks links,
        CancellationToken ct)
    {
        var signIn = await WorkerSignIn.CheckAsync(http, directory, guard, ct);
        if (signIn is not { Employee: { } employee, Snapshot: { } snapshot })
        {
            return signIn.Refusal!;
        }

        var who = signIn.Who;
        if (!employee.Active)
        {
            return await WorkerSignIn.ErrorAsync(http, who, "Cadastro inativo: procure o RH.");
        }

        var now = intake.Now();
        var message = intake.Draft(employee, new CheckedPunch(now, PunchCollector.Browser, false, null), "web", PunchIntake.IdempotencyScope, now, snapshot);
        AppendResult result;
        try
        {
            result = await intake.Enqueue(message, ct);
        }
        catch (JournalUnavailableException)
        {
            return await WorkerSignIn.ErrorAsync(http, who, "O sistema está ocupado e o ponto não foi gravado. Tente de novo em instantes.", StatusCodes.Status503ServiceUnavailable);
        }

        var draft = (PunchDraft)message.Context!;
        var numbers = PunchIntake.Numbers(result);
        var punch = new LedgerPunch(draft.EstablishmentId, numbers.Nsr, result.MessageId, employee.Id, employee.Cpf, draft.PunchedAt, draft.RecordedAt,
            draft.Collector, false, numbers.Hash, "web");
        var employers = await ledger.EmployersAsync(draft.EstablishmentId, ct);
        // Art. 80 II: the worker gets the receipt after each punch without asking; this link opens it without a credential.
        var receipt = ReceiptEndpoints.Build(punch, snapshot, employers).Page() with { ReceiptPath = links.PathFor(result.MessageId) };
        return PunchPages.Html(await PunchPages.SuccessAsync(http.HttpContext.RequestServices, receipt));
    }
}

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
public static class PunchPageEndpoints
{
    public static IEndpointRouteBuilder MapPunchPage(this IEndpointRouteBuilder app)
    {
        app.MapGet(PunchPages.FormPath, () => PunchPages.Html(PunchPages.Form(new PunchFormModel())))
            .WithTags("Employee page").WithName("PunchForm").ExcludeFromDescription()
            // The employee's own credentials (CPF or code, and web PIN) are in the form.
            .AllowAnonymous();
        app.MapPost(PunchPages.FormPath, PunchAsync)
            .WithTags("Employee page").WithName("PunchFromPage").ExcludeFromDescription()
            .AllowAnonymous();
        return app;
    }

    internal static async Task<ContentHttpResult> PunchAsync(
        HttpRequest http, PunchIntake intake, EmployeeDirectory directory, CancellationToken ct)
    {
        // Read by hand: form binding would demand anti-forgery middleware, which the integrator wires with auth.
        var form = http.HasFormContentType ? await http.ReadFormAsync(ct) : null;
        var who = form?[PunchPages.EmployeeField].ToString().Trim() ?? "";
        var pin = form?[PunchPages.PinField].ToString() ?? "";
        if (who.Length == 0 || pin.Length == 0)
        {
            return Error(who, "Informe o CPF (ou a matrícula) e o PIN.");
        }

        var snapshot = await directory.RefreshIfStaleAsync(ct);
        var candidates = BrazilianDocuments.IsCpf(who) ? snapshot.ByCpf(BrazilianDocuments.Digits(who)) : snapshot.ByCode(who);
        // Every candidate's PIN is checked (no early exit), and unknown people and wrong PINs read the same.
        var matches = candidates.Where(e => WebPins.Verify(pin, e.WebPinHash)).ToList();
        if (matches.Count != 1)
        {
            return Error(who, matches.Count == 0 ? "CPF, matrícula ou PIN incorretos." : "Mais de um cadastro com estes dados: procure o RH.");
        }

        var employee = matches[0];
        if (!employee.Active)
        {
            return Error(who, "Cadastro inativo: procure o RH.");
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
            return Error(who, "O sistema está ocupado e o ponto não foi gravado. Tente de novo em instantes.", StatusCodes.Status503ServiceUnavailable);
        }

        var draft = (PunchDraft)message.Context!;
        var punch = new LedgerPunch(draft.EstablishmentId, draft.Nsr, result.MessageId, employee.Id, employee.Cpf, draft.PunchedAt, draft.RecordedAt,
            draft.Collector, false, draft.Hash!, "web");
        return PunchPages.Html(PunchPages.Success(ReceiptsApi.Build(punch, snapshot).Page()));
    }

    private static ContentHttpResult Error(string who, string problem, int status = StatusCodes.Status400BadRequest) =>
        PunchPages.Html(PunchPages.Error(new PunchErrorModel([problem], new PunchFormModel(who))), status);
}

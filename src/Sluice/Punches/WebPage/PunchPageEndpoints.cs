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
        app.MapGet(PunchPages.FormPath, FormAsync)
            .WithTags("Employee page").WithName("PunchForm").ExcludeFromDescription()
            // The employee's own credentials (CPF or code, and web PIN) are in the form.
            .AllowAnonymous();
        app.MapPost(PunchPages.FormPath, PunchAsync)
            .WithTags("Employee page").WithName("PunchFromPage").ExcludeFromDescription()
            .AllowAnonymous();
        return app;
    }

    /// <summary>
    /// The form, with the establishment's clock to the second when every establishment keeps one zone: the time the punch
    /// will carry, since the page's punches take the server's time.
    /// </summary>
    internal static async Task<ContentHttpResult> FormAsync(EmployeeDirectory directory, TimeProvider time, CancellationToken ct)
    {
        var snapshot = await directory.GetAsync(ct);
        var zones = snapshot.Establishments.Keys.Select(snapshot.Zone).DistinctBy(z => z.Id).Take(2).ToList();
        var clock = zones.Count == 1 ? ZoneTime.InZone(time.GetUtcNow(), zones[0]) : (DateTimeOffset?)null;
        return PunchPages.Html(PunchPages.Form(new PunchFormModel(Clock: clock)));
    }

    internal static async Task<ContentHttpResult> PunchAsync(
        HttpRequest http, PunchIntake intake, EmployeeDirectory directory, LedgerQueries ledger, WebPinGuard guard, CancellationToken ct)
    {
        // Read by hand: form binding would demand anti-forgery middleware, which the integrator wires with auth.
        var form = http.HasFormContentType ? await http.ReadFormAsync(ct) : null;
        var who = form?[PunchPages.EmployeeField].ToString().Trim() ?? "";
        var pin = form?[PunchPages.PinField].ToString() ?? "";
        if (who.Length == 0 || pin.Length == 0)
        {
            return Error(who, "Informe o CPF (ou a matrícula) e o PIN.");
        }

        var person = BrazilianDocuments.IsCpf(who) ? BrazilianDocuments.Digits(who) : who;
        var address = http.HttpContext.Connection.RemoteIpAddress?.ToString();
        if (guard.LockedFor(person, address) is { } wait)
        {
            var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
            http.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Error(who, $"Muitas tentativas com PIN errado. Tente de novo em {minutes} minuto(s) ou procure o RH.", StatusCodes.Status429TooManyRequests);
        }

        var snapshot = await directory.RefreshIfStaleAsync(ct);
        var candidates = BrazilianDocuments.IsCpf(who) ? snapshot.ByCpf(person) : snapshot.ByCode(who);
        // Every candidate's PIN is checked (no early exit), and unknown people and wrong PINs read the same.
        var matches = candidates.Where(e => WebPins.Verify(pin, e.WebPinHash)).ToList();
        if (matches.Count == 0)
        {
            guard.Failed(person, address);
            return Error(who, "CPF, matrícula ou PIN incorretos.");
        }

        guard.Succeeded(person);
        if (matches.Count > 1)
        {
            return Error(who, "Mais de um cadastro com estes dados: procure o RH.");
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
        var employers = await ledger.EmployersAsync(draft.EstablishmentId, ct);
        return PunchPages.Html(PunchPages.Success(ReceiptsApi.Build(punch, snapshot, employers).Page()));
    }

    private static ContentHttpResult Error(string who, string problem, int status = StatusCodes.Status400BadRequest) =>
        PunchPages.Html(PunchPages.Error(new PunchErrorModel([problem], new PunchFormModel(who))), status);
}

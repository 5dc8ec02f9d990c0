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

    /// <summary>Longest name (CPF, formatted or not, or code) and PIN the page takes: checked before anything is counted or looked up.</summary>
    internal const int MaxEmployeeLength = 64;

    internal const int MaxPinLength = 32;

    /// <summary>Checked against when nobody (or nobody with a web PIN) matches, so every wrong answer costs the same time.</summary>
    private static readonly string DummyHash = WebPins.Hash("not a pin anyone has");

    internal static async Task<ContentHttpResult> PunchAsync(
        HttpRequest http, PunchIntake intake, EmployeeDirectory directory, WebPinGuard guard, CancellationToken ct)
    {
        // Read by hand: form binding would demand anti-forgery middleware, which the integrator wires with auth.
        IFormCollection? form;
        try
        {
            form = http.HasFormContentType ? await http.ReadFormAsync(ct) : null;
        }
        catch (Exception e) when (e is InvalidDataException || (e is IOException && e is not BadHttpRequestException))
        {
            // Past the form limits (fields, lengths) or a broken multipart body: the client's fault, not a 500.
            return Error("", "O formulário enviado não é válido.");
        }

        var who = form?[PunchPages.EmployeeField].ToString().Trim() ?? "";
        var pin = form?[PunchPages.PinField].ToString() ?? "";
        if (who.Length == 0 || pin.Length == 0)
        {
            return Error(who.Length > MaxEmployeeLength ? "" : who, "Informe o CPF (ou a matrícula) e o PIN.");
        }

        if (who.Length > MaxEmployeeLength || pin.Length > MaxPinLength || who.Any(char.IsControl) || pin.Any(char.IsControl))
        {
            return Error("", "CPF, matrícula ou PIN incorretos.");
        }

        var address = http.HttpContext.Connection.RemoteIpAddress?.ToString();
        var snapshot = await directory.RefreshIfStaleAsync(ct);
        var isCpf = BrazilianDocuments.IsCpf(who);
        var candidates = isCpf ? snapshot.ByCpf(BrazilianDocuments.Digits(who)) : snapshot.ByCode(who);
        // One count per person, by CPF, whether named by CPF or by code; a name nobody has counts as itself.
        var people = candidates.Count > 0
            ? candidates.Select(c => c.Cpf).Distinct(StringComparer.Ordinal).ToList()
            : [isCpf ? BrazilianDocuments.Digits(who) : who];
        if (people.Select(p => guard.LockedFor(p, address)).FirstOrDefault(w => w is not null) is { } wait)
        {
            var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
            http.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Error(who, $"Muitas tentativas com PIN errado. Tente de novo em {minutes} minuto(s) ou procure o RH.", StatusCodes.Status429TooManyRequests);
        }

        // Every candidate's PIN is checked (no early exit), one without a web PIN and nobody at all against a dummy
        // hash, so unknown people, people without a web PIN and wrong PINs read the same and take the same time.
        var matches = candidates.Where(e => WebPins.Verify(pin, e.WebPinHash ?? DummyHash) && e.WebPinHash is not null).ToList();
        if (candidates.Count == 0)
        {
            WebPins.Verify(pin, DummyHash);
        }

        if (matches.Count == 0)
        {
            foreach (var person in people)
            {
                guard.Failed(person, address);
            }

            return Error(who, "CPF, matrícula ou PIN incorretos.");
        }

        foreach (var person in people)
        {
            guard.Succeeded(person);
        }

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
        return PunchPages.Html(PunchPages.Success(ReceiptsApi.Build(punch, snapshot).Page()));
    }

    private static ContentHttpResult Error(string who, string problem, int status = StatusCodes.Status400BadRequest) =>
        PunchPages.Html(PunchPages.Error(new PunchErrorModel([problem], new PunchFormModel(who))), status);
}

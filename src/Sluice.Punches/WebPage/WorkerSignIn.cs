using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Sluice.Punches.Pages;
using Sluice.Punches.Registry;

namespace Sluice.Punches.WebPage;

/// <summary>
/// The worker's own credentials on the employee page: CPF or code, and web PIN, read from the posted form. Used to
/// punch and to list one's receipts, so both count wrong PINs against the same lockout.
/// </summary>
internal static class WorkerSignIn
{
    /// <summary>Longest name (CPF, formatted or not, or code) and PIN the page takes: checked before anything is counted or looked up.</summary>
    internal const int MaxEmployeeLength = 64;

    internal const int MaxPinLength = 32;

    /// <summary>Checked against when nobody (or nobody with a web PIN) matches, so every wrong answer costs the same time.</summary>
    private static readonly string DummyHash = WebPins.Hash("not a pin anyone has");

    /// <summary>The one employee the form names, or the error screen to answer with.</summary>
    public static async Task<WorkerSignInResult> CheckAsync(HttpRequest http, EmployeeDirectory directory, WebPinGuard guard, CancellationToken ct)
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
            return await RefusedAsync(http, "", "O formulário enviado não é válido.");
        }

        var who = form?[PunchPages.EmployeeField].ToString().Trim() ?? "";
        var pin = form?[PunchPages.PinField].ToString() ?? "";
        if (who.Length == 0 || pin.Length == 0)
        {
            return await RefusedAsync(http, who.Length > MaxEmployeeLength ? "" : who, "Informe o CPF (ou a matrícula) e o PIN.");
        }

        if (who.Length > MaxEmployeeLength || pin.Length > MaxPinLength || who.Any(char.IsControl) || pin.Any(char.IsControl))
        {
            return await RefusedAsync(http, "", "CPF, matrícula ou PIN incorretos.");
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
            http.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return await RefusedAsync(http, who, $"Muitas tentativas com PIN errado. Tente de novo em {minutes} minuto(s) ou procure o RH.", StatusCodes.Status429TooManyRequests);
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

            return await RefusedAsync(http, who, "CPF, matrícula ou PIN incorretos.");
        }

        foreach (var person in people)
        {
            guard.Succeeded(person);
        }

        return matches.Count > 1
            ? await RefusedAsync(http, who, "Mais de um cadastro com estes dados: procure o RH.")
            : new WorkerSignInResult(who, matches[0], snapshot, null);
    }

    /// <summary>The error screen with the form again, pre-filled with what the worker typed (never the PIN).</summary>
    public static async Task<ContentHttpResult> ErrorAsync(HttpRequest http, string who, string problem, int status = StatusCodes.Status400BadRequest) =>
        PunchPages.Html(await PunchPages.ErrorAsync(http.HttpContext.RequestServices, new PunchErrorModel([problem], new PunchFormModel(who))), status);

    private static async Task<WorkerSignInResult> RefusedAsync(HttpRequest http, string who, string problem, int status = StatusCodes.Status400BadRequest) =>
        new(who, null, null, await ErrorAsync(http, who, problem, status));
}

/// <param name="Who">What the worker typed as CPF or code.</param>
/// <param name="Employee">The employee, when the credentials are right.</param>
/// <param name="Snapshot">The registry the employee was found in.</param>
/// <param name="Refusal">The error screen, when they are not.</param>
internal sealed record WorkerSignInResult(string Who, Employee? Employee, DirectorySnapshot? Snapshot, ContentHttpResult? Refusal);

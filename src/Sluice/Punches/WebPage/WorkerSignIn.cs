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
    /// <summary>The one employee the form names, or the error screen to answer with.</summary>
    public static async Task<WorkerSignInResult> CheckAsync(HttpRequest http, EmployeeDirectory directory, WebPinGuard guard, CancellationToken ct)
    {
        // Read by hand: form binding would demand anti-forgery middleware, which the integrator wires with auth.
        var form = http.HasFormContentType ? await http.ReadFormAsync(ct) : null;
        var who = form?[PunchPages.EmployeeField].ToString().Trim() ?? "";
        var pin = form?[PunchPages.PinField].ToString() ?? "";
        if (who.Length == 0 || pin.Length == 0)
        {
            return Refused(who, "Informe o CPF (ou a matrícula) e o PIN.");
        }

        var person = BrazilianDocuments.IsCpf(who) ? BrazilianDocuments.Digits(who) : who;
        var address = http.HttpContext.Connection.RemoteIpAddress?.ToString();
        if (guard.LockedFor(person, address) is { } wait)
        {
            var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
            http.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return Refused(who, $"Muitas tentativas com PIN errado. Tente de novo em {minutes} minuto(s) ou procure o RH.", StatusCodes.Status429TooManyRequests);
        }

        var snapshot = await directory.RefreshIfStaleAsync(ct);
        var candidates = BrazilianDocuments.IsCpf(who) ? snapshot.ByCpf(person) : snapshot.ByCode(who);
        // Every candidate's PIN is checked (no early exit), and unknown people and wrong PINs read the same.
        var matches = candidates.Where(e => WebPins.Verify(pin, e.WebPinHash)).ToList();
        if (matches.Count == 0)
        {
            guard.Failed(person, address);
            return Refused(who, "CPF, matrícula ou PIN incorretos.");
        }

        guard.Succeeded(person);
        return matches.Count > 1
            ? Refused(who, "Mais de um cadastro com estes dados: procure o RH.")
            : new WorkerSignInResult(who, matches[0], snapshot, null);
    }

    /// <summary>The error screen with the form again, pre-filled with what the worker typed (never the PIN).</summary>
    public static ContentHttpResult Error(string who, string problem, int status = StatusCodes.Status400BadRequest) =>
        PunchPages.Html(PunchPages.Error(new PunchErrorModel([problem], new PunchFormModel(who))), status);

    private static WorkerSignInResult Refused(string who, string problem, int status = StatusCodes.Status400BadRequest) =>
        new(who, null, null, Error(who, problem, status));
}

/// <param name="Who">What the worker typed as CPF or code.</param>
/// <param name="Employee">The employee, when the credentials are right.</param>
/// <param name="Snapshot">The registry the employee was found in.</param>
/// <param name="Refusal">The error screen, when they are not.</param>
internal sealed record WorkerSignInResult(string Who, Employee? Employee, DirectorySnapshot? Snapshot, ContentHttpResult? Refusal);

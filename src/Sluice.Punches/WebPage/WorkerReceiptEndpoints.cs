using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Sluice.Punches.Ledger;
using Sluice.Punches.Pages;
using Sluice.Punches.Receipts;
using Sluice.Punches.Registry;
using Sluice.Punches.Signing;

namespace Sluice.Punches.WebPage;

/// <summary>
/// The worker's receipts, reached without any Sluice credential. Portaria 671, Art. 80, parágrafo único:
/// <para>"II - ao trabalhador deve ser disponibilizado, por meio de sistema eletrônico, acesso ao comprovante após
/// cada marcação, independentemente de prévia solicitação e autorização; e</para>
/// <para>III - o empregador deve possibilitar a extração, pelo empregado, dos comprovantes de registro de ponto das
/// marcações realizadas, no mínimo, nas últimas quarenta e oito horas."</para>
/// So the success screen links to a signed, expiring link (II), and the worker's CPF or code with web PIN lists
/// their receipts of <see cref="PunchesOptions.WorkerReceiptsWindow"/>, at least 48 hours (III).
/// </summary>
internal static class WorkerReceiptEndpoints
{
    public const string PdfSuffix = ".pdf";

    /// <summary>The receipt page, or the signed PDF for <c>Accept: application/pdf</c>.</summary>
    internal static async Task<Results<ContentHttpResult, FileContentHttpResult, ProblemHttpResult>> OpenAsync(
        string token, HttpContext http, ReceiptLinks links, LedgerQueries ledger, EmployeeDirectory directory, SigningKey key, TimeProvider time,
        CancellationToken ct) =>
        await AnswerAsync(token, pdf: WorkerAnswers.Accepts(http, ReceiptPdf.ContentType), http, links, ledger, directory, key, time, ct);

    internal static async Task<Results<ContentHttpResult, FileContentHttpResult, ProblemHttpResult>> OpenPdfAsync(
        string token, HttpContext http, ReceiptLinks links, LedgerQueries ledger, EmployeeDirectory directory, SigningKey key, TimeProvider time,
        CancellationToken ct) =>
        await AnswerAsync(token, pdf: true, http, links, ledger, directory, key, time, ct);

    private static async Task<Results<ContentHttpResult, FileContentHttpResult, ProblemHttpResult>> AnswerAsync(
        string token, bool pdf, HttpContext http, ReceiptLinks links, LedgerQueries ledger, EmployeeDirectory directory, SigningKey key,
        TimeProvider time, CancellationToken ct)
    {
        WorkerAnswers.KeepPrivate(http);
        var link = links.Read(token);
        if (link.State == ReceiptLinkState.Expired)
        {
            return WorkerAnswers.OrFile(await WorkerAnswers.RefusalAsync(http, StatusCodes.Status410Gone, "Link expirado",
                "Este link de comprovante expirou. Veja seus comprovantes em Registrar ponto, com CPF (ou matrícula) e PIN.",
                "token", "The receipt link has expired."));
        }

        var punch = link.State == ReceiptLinkState.Valid ? await ledger.FindByMessageAsync(link.PunchId, ct) : null;
        if (punch is null)
        {
            return WorkerAnswers.OrFile(await WorkerAnswers.RefusalAsync(http, StatusCodes.Status404NotFound, "Comprovante não encontrado",
                "Este link não é válido. Veja seus comprovantes em Registrar ponto, com CPF (ou matrícula) e PIN.",
                "token", "The receipt link is not valid: it was not made by this Sluice, or it was changed."));
        }

        var snapshot = await directory.RefreshIfStaleAsync(ct);
        var employers = await ledger.EmployersAsync(punch.EstablishmentId, ct);
        var receipt = ReceiptEndpoints.Build(punch, snapshot, employers).Page() with { ReceiptPath = null };
        if (!pdf)
        {
            return PunchPages.Html(await PunchPages.ReceiptAsync(http.RequestServices, receipt with { PdfPath = ReceiptLinks.PathPrefix + token + PdfSuffix }));
        }

        // Refused rather than sent unsigned, as on the staff API: a receipt PDF is only ever the signed one.
        if (!key.TryGet(out var certificate, out var unavailable))
        {
            return SigningProblems.Unavailable("receipt", unavailable!);
        }

        return TypedResults.File(
            await ReceiptPdf.SignedAsync(receipt, certificate, time.GetUtcNow()), ReceiptPdf.ContentType, $"comprovante-{receipt.Nsr:000000000}.pdf");
    }

    internal static async Task<ContentHttpResult> ListAsync(
        HttpRequest http, EmployeeDirectory directory, WebPinGuard guard, LedgerQueries ledger, ReceiptLinks links,
        IOptions<PunchesOptions> options, TimeProvider time, CancellationToken ct)
    {
        WorkerAnswers.KeepPrivate(http.HttpContext);
        var signIn = await WorkerSignIn.CheckAsync(http, directory, guard, ct);
        if (signIn is not { Employee: { } employee, Snapshot: { } snapshot })
        {
            return signIn.Refusal!;
        }

        // An inactive employee may no longer punch, but the receipts of what they did punch are still theirs.
        var now = time.GetUtcNow();
        var punches = await ledger.ForEmployeeAsync(employee.Id, now - options.Value.WorkerReceiptsWindow, now + options.Value.FutureTolerance, ct);
        var employers = await ledger.EmployersAsync(employee.EstablishmentId, ct);
        var items = punches.OrderByDescending(p => p.PunchedAt)
            .Select(p => new ReceiptListItem(ReceiptEndpoints.Build(p, snapshot, employers).Page(), links.PathFor(p.MessageId)))
            .ToList();
        return PunchPages.Html(await ReceiptListPage.RenderAsync(http.HttpContext.RequestServices, employee.Name, options.Value.WorkerReceiptsWindow, items));
    }
}

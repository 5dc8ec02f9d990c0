using Sluice.Punches.Pages;
using Sluice.Punches.Receipts;

namespace Sluice.Punches.WebPage;

/// <summary>
/// Every route under <c>/punch</c>, the employee's own page: the punch form, the receipts and the Espelho de Ponto.
/// The employee's credentials (CPF or code, and web PIN) are in the forms, or a signed link is the credential: no
/// route asks for a Sluice policy, and none is in the OpenAPI document.
/// </summary>
internal static class PunchPageApi
{
    public static IEndpointRouteBuilder MapPunchPageApi(this IEndpointRouteBuilder app)
    {
        var page = app.MapGroup("").WithTags("Employee page").ExcludeFromDescription().AllowAnonymous();
        page.MapGet(PunchPages.FormPath, PunchPageEndpoints.FormAsync).WithName("PunchForm");
        page.MapPost(PunchPages.FormPath, PunchPageEndpoints.PunchAsync).WithName("PunchFromPage");

        // Art. 80 II: "independentemente de prévia solicitação e autorização" — the signed link is the authorization.
        page.MapGet(ReceiptLinks.PathPrefix + "{token}", WorkerReceiptEndpoints.OpenAsync).WithName("WorkerReceipt");
        // The same receipt as the signed PDF (Art. 86 §1), for a link a phone can download as a file.
        page.MapGet(ReceiptLinks.PathPrefix + "{token}" + WorkerReceiptEndpoints.PdfSuffix, WorkerReceiptEndpoints.OpenPdfAsync).WithName("WorkerReceiptPdf");
        // Art. 80 III: the worker's own CPF or code and web PIN, as for punching.
        page.MapPost(PunchPages.ReceiptListPath, WorkerReceiptEndpoints.ListAsync).WithName("WorkerReceiptList");

        page.MapPost(PunchPages.EspelhoSignInPath, WorkerEspelhoEndpoints.SignInAsync).WithName("WorkerEspelhoSignIn");
        // The signed link is the credential, as for receipts.
        page.MapGet(EspelhoLinks.PathPrefix + "{token}", WorkerEspelhoEndpoints.PageAsync).WithName("WorkerEspelho");
        page.MapGet(EspelhoLinks.PathPrefix + "{token}/pdf", WorkerEspelhoEndpoints.PdfAsync).WithName("WorkerEspelhoPdf");
        return app;
    }
}

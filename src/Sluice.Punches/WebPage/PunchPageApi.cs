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
        app.MapGet(PunchPages.FormPath, PunchPageEndpoints.FormAsync)
            .WithTags("Employee page").WithName("PunchForm").ExcludeFromDescription()
            // The employee's own credentials (CPF or code, and web PIN) are in the form.
            .AllowAnonymous();
        app.MapPost(PunchPages.FormPath, PunchPageEndpoints.PunchAsync)
            .WithTags("Employee page").WithName("PunchFromPage").ExcludeFromDescription()
            .AllowAnonymous();

        // Art. 80 II: "independentemente de prévia solicitação e autorização" — the signed link is the authorization.
        app.MapGet(ReceiptLinks.PathPrefix + "{token}", WorkerReceiptEndpoints.OpenAsync)
            .WithTags("Employee page").WithName("WorkerReceipt").ExcludeFromDescription()
            .AllowAnonymous();
        // The same receipt as the signed PDF (Art. 86 §1), for a link a phone can download as a file.
        app.MapGet(ReceiptLinks.PathPrefix + "{token}" + WorkerReceiptEndpoints.PdfSuffix, WorkerReceiptEndpoints.OpenPdfAsync)
            .WithTags("Employee page").WithName("WorkerReceiptPdf").ExcludeFromDescription()
            .AllowAnonymous();
        // Art. 80 III: the worker's own CPF or code and web PIN, as for punching.
        app.MapPost(WorkerReceiptEndpoints.ListPath, WorkerReceiptEndpoints.ListAsync)
            .WithTags("Employee page").WithName("WorkerReceiptList").ExcludeFromDescription()
            .AllowAnonymous();

        app.MapPost(WorkerEspelhoEndpoints.SignInPath, WorkerEspelhoEndpoints.SignInAsync)
            .WithTags("Employee page").WithName("WorkerEspelhoSignIn").ExcludeFromDescription()
            .AllowAnonymous();
        // The signed link is the credential, as for receipts.
        app.MapGet(EspelhoLinks.PathPrefix + "{token}", WorkerEspelhoEndpoints.PageAsync)
            .WithTags("Employee page").WithName("WorkerEspelho").ExcludeFromDescription()
            .AllowAnonymous();
        app.MapGet(EspelhoLinks.PathPrefix + "{token}/pdf", WorkerEspelhoEndpoints.PdfAsync)
            .WithTags("Employee page").WithName("WorkerEspelhoPdf").ExcludeFromDescription()
            .AllowAnonymous();
        return app;
    }
}

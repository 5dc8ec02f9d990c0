using Microsoft.AspNetCore.Http.HttpResults;
using Sluice.Punches.Pages;

namespace Sluice.Punches.WebPage;

/// <summary>What the worker's links (receipts, Espelho) share: answers kept private, and refusals as a page or as problem details.</summary>
internal static class WorkerAnswers
{
    /// <summary>A receipt or an Espelho names a person and their CPF, and its link is their access: no cache keeps it, no other site sees the link.</summary>
    public static void KeepPrivate(HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
    }

    public static bool Accepts(HttpContext http, string mediaType) =>
        http.Request.Headers.Accept.Any(a => a?.Contains(mediaType, StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>A page for the worker's browser; problem details naming the <paramref name="field"/> for any other client.</summary>
    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> RefusalAsync(
        HttpContext http, int status, string title, string text, string field, string reason) =>
        Accepts(http, "text/html")
            ? PunchPages.Html(await ReceiptListPage.MessageAsync(http.RequestServices, title, text), status)
            : TypedResults.Problem(statusCode: status, title: reason, extensions: new Dictionary<string, object?>
            {
                ["errors"] = new Dictionary<string, string[]> { [field] = [reason] },
            });

    /// <summary>A refusal as the answer of an endpoint that may also send a file.</summary>
    public static Results<ContentHttpResult, FileContentHttpResult, ProblemHttpResult> OrFile(Results<ContentHttpResult, ProblemHttpResult> refusal) =>
        refusal.Result switch
        {
            ContentHttpResult page => page,
            ProblemHttpResult problem => problem,
            _ => throw new InvalidOperationException("A refusal is a page or a problem."),
        };
}

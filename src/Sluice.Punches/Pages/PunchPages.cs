using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Sluice.Punches.Pages;

/// <summary>
/// Seed 000's employee screens — the punch form, the success screen with the receipt, the error screen — and the
/// printable receipt. Plain server-rendered HTML (Razor components) in Portuguese that works on a phone without
/// script; every value is HTML-encoded. The caller picks the status code (the error screen goes out with 4xx).
/// </summary>
internal static class PunchPages
{
    public const string ContentType = "text/html; charset=utf-8";
    public const string FormPath = "/punch";
    public const string EmployeeField = "employee";
    public const string PinField = "pin";
    public const string ReceiptTitle = "Comprovante de Registro de Ponto do Trabalhador";
    public const string ReceiptListPath = "/punch/receipts";
    public const string EspelhoSignInPath = "/punch/espelho";

    /// <summary>A page as a result: <c>text/html; charset=utf-8</c> with the given status.</summary>
    public static ContentHttpResult Html(string page, int statusCode = StatusCodes.Status200OK) =>
        TypedResults.Content(page, ContentType, Encoding.UTF8, statusCode);

    public static Task<string> FormAsync(IServiceProvider services, PunchFormModel model) =>
        ComponentHtml.RenderAsync<PunchFormPage>(services, new Dictionary<string, object?> { [nameof(PunchFormPage.Model)] = model });

    public static Task<string> SuccessAsync(IServiceProvider services, PunchReceiptModel receipt, string againPath = FormPath) =>
        ComponentHtml.RenderAsync<PunchSuccessPage>(services, new Dictionary<string, object?>
        {
            [nameof(PunchSuccessPage.Receipt)] = receipt,
            [nameof(PunchSuccessPage.AgainPath)] = againPath,
        });

    public static Task<string> ErrorAsync(IServiceProvider services, PunchErrorModel model) =>
        ComponentHtml.RenderAsync<PunchErrorPage>(services, new Dictionary<string, object?> { [nameof(PunchErrorPage.Model)] = model });

    /// <summary>The printable receipt for <c>GET /api/punches/{id}/receipt</c> with <c>Accept: text/html</c>.</summary>
    public static Task<string> ReceiptAsync(IServiceProvider services, PunchReceiptModel receipt) =>
        ComponentHtml.RenderAsync<ReceiptPage>(services, new Dictionary<string, object?> { [nameof(ReceiptPage.Receipt)] = receipt });

    /// <summary>A time as the establishment's clock shows it, to the second, with its offset: "21:07:33 (UTC-03:00)".</summary>
    public static string Time(DateTimeOffset at) =>
        at.ToString("HH:mm:ss", CultureInfo.InvariantCulture) + " (UTC" + at.ToString("zzz", CultureInfo.InvariantCulture) + ")";
}

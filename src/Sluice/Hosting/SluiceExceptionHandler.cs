using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Sluice.Journal;

namespace Sluice.Hosting;

/// <summary>Turns the failures clients can act on into RFC 9457 problem details.</summary>
internal sealed class SluiceExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem;
        switch (exception)
        {
            case JournalUnavailableException unavailable:
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter =
                    Math.Max(1, (int)Math.Ceiling(unavailable.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                problem = new ProblemDetails
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = "Not stored; try again later.",
                    Detail = unavailable.Message,
                };
                break;
            case System.Data.Common.DbException { IsTransient: true } busy:
                // A module's own write (registry, imports) that met a busy or briefly unreachable database.
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = "1";
                problem = new ProblemDetails
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = "Not stored; try again later.",
                    Detail = busy.Message,
                };
                break;
            case BadHttpRequestException bad:
                context.Response.StatusCode = bad.StatusCode;
                problem = Malformed(bad);
                break;
            case InvalidDataException form:
                // A form past its limits (fields, value lengths) or a multipart body with a broken boundary.
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["body"] = [form.Message] })
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "The form or multipart body is not valid.",
                };
                break;
            default:
                return false;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails Malformed(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            var field = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "body" : json.Path.TrimStart('$', '.');
            return new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                [field] = [json.Path is null or "$" ? FirstSentence(json.Message) : "Wrong type, or not valid JSON."],
            })
            {
                Status = bad.StatusCode,
                Title = "The request body is not valid JSON for this endpoint.",
            };
        }

        var title = bad.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => "The request body is larger than this endpoint takes; nothing was stored.",
            StatusCodes.Status408RequestTimeout => "The request body arrived too slowly; nothing was stored.",
            _ => "Malformed request.",
        };
        return new ProblemDetails { Status = bad.StatusCode, Title = title, Detail = bad.Message };
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }
}

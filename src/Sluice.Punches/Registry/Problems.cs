using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Sluice.Security;

namespace Sluice.Punches.Registry;

internal static class Problems
{
    public static ProblemHttpResult NotFound(string title) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: title);

    /// <summary>Another establishment has this CNPJ/CPF: one employer document, one establishment (and one NSR sequence).</summary>
    public static ProblemHttpResult DocumentTaken(Guid existing) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "Nothing was stored: another establishment has this document.",
        detail: $"Establishment {existing} is registered with this CNPJ/CPF; change that one instead.",
        extensions: new Dictionary<string, object?> { ["field"] = "document", ["existingId"] = existing });

    /// <summary>An API key scoped to one establishment acting on another's employees.</summary>
    public static ProblemHttpResult OutOfScope(ClaimsPrincipal caller) => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden,
        title: "Nothing was changed: this caller may not act for this establishment.",
        detail: $"This API key is limited to establishment {caller.Establishment()}.");
}

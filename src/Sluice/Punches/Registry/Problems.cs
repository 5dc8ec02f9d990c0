using Microsoft.AspNetCore.Http.HttpResults;

namespace Sluice.Punches.Registry;

internal static class Problems
{
    public static ProblemHttpResult NotFound(string title) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: title);
}

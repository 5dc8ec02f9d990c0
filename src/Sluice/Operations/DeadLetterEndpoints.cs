using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Sluice.Delivery.Engine;
using Sluice.Intake;
using Sluice.Journal;
using Sluice.Security;

namespace Sluice.Operations;

public static class DeadLetterEndpoints
{
    public const int MaxPageSize = 1_000;

    internal static async Task<Results<Ok<DeadLetterPage>, ValidationProblem>> ListAsync(
        string? destination, string? after, int? limit, IJournal journal, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var cursor = QueryNumbers.Optional<long>(after, "after", "Use the 'next' value of the previous page.", errors);

        if (limit is < 1 or > MaxPageSize)
        {
            errors["limit"] = [$"Between 1 and {MaxPageSize}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var size = limit ?? 100;
        var letters = await journal.GetDeadLettersAsync(new DeadLetterQuery(destination, cursor, size), cancellationToken);
        var next = letters.Count == size ? letters[^1].Cursor.ToString(CultureInfo.InvariantCulture) : null;
        return TypedResults.Ok(new DeadLetterPage(letters, next));
    }

    internal static async Task<Results<Ok<ReplayResult>, ValidationProblem>> ReplayAsync(
        ReplayRequest? request, IJournal journal, DeliveryEngine engine, TimeProvider time, CancellationToken cancellationToken)
    {
        var filter = new DeadLetterFilter(request?.Ids, string.IsNullOrWhiteSpace(request?.Destination) ? null : request.Destination);
        if (filter.IsEmpty)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["ids"] = ["Give message ids, a destination, or both."],
            });
        }

        var replayed = await journal.ReplayAsync(filter, time.GetUtcNow(), cancellationToken);
        engine.OnCommitted(filter.Destination is { } one ? [one] : engine.Destinations);
        return TypedResults.Ok(new ReplayResult(replayed));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DiscardAsync(
        Guid id, string? destination, IJournal journal, TimeProvider time, CancellationToken cancellationToken)
    {
        var discarded = await journal.DiscardAsync(new DeadLetterFilter([id], destination), time.GetUtcNow(), cancellationToken);
        return discarded > 0
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No dead letter with this id.");
    }
}

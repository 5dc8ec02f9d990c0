using Sluice.Journal;

namespace Sluice.Replies;

/// <summary>
/// The asynchronous request-reply pattern's status endpoint (<c>GET …/{id}/reply</c>): <c>202</c> with
/// <c>Retry-After</c> while the message waits or retries, then the legacy system's answer as it came, so a generic
/// HTTP client only has to follow <c>Location</c> until the status is not 202.
/// </summary>
internal static class ReplyPoll
{
    /// <param name="record">The message, already found and of the endpoint's kind.</param>
    /// <param name="destination">The destination the client asked for, if any.</param>
    /// <param name="preferred">The module's destinations in their configured order: the first one the message has answers.</param>
    /// <param name="location">This endpoint's own address, where the client polls again.</param>
    public static async Task<IResult> AnswerAsync(
        MessageRecord record, string? destination, IReadOnlyList<string> preferred, string location,
        IJournal journal, TimeProvider time, CancellationToken cancellationToken)
    {
        var delivery = destination is null
            ? preferred.Select(name => Find(record, name)).FirstOrDefault(d => d is not null) ?? (record.Deliveries.Count > 0 ? record.Deliveries[0] : null)
            : Find(record, destination);
        if (delivery is null)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]>
                {
                    ["destination"] = [$"The message is not delivered to '{destination}'; it goes to {string.Join(", ", record.Deliveries.Select(d => d.Destination))}."],
                },
                title: "No such delivery of this message.");
        }

        switch (delivery.State)
        {
            case DeliveryState.Delivered or DeliveryState.Dead:
                var reply = await journal.GetReplyAsync(record.Id, delivery.Destination, cancellationToken);
                return ReplyResults.Finished(new FinishedReply(record.Id, delivery.Destination, delivery.State == DeliveryState.Delivered, reply, delivery.LastError));
            case DeliveryState.Discarded:
                return TypedResults.Problem(statusCode: StatusCodes.Status410Gone,
                    title: "An operator discarded this message: it will never be delivered.", detail: delivery.LastError);
            default:
                return new PendingResult(new ReplyPending(
                    record.Id, delivery.Destination, delivery.State == DeliveryState.InFlight ? "delivering" : delivery.Attempts > 0 ? "retrying" : "stored",
                    delivery.Attempts, delivery.NextAttemptAt, delivery.LastError),
                    location, ReplyResults.RetryAfter(delivery.NextAttemptAt, time.GetUtcNow()));
        }
    }

    private static DeliveryRecord? Find(MessageRecord record, string destination) =>
        record.Deliveries.FirstOrDefault(d => string.Equals(d.Destination, destination, StringComparison.OrdinalIgnoreCase));

    private sealed class PendingResult(ReplyPending pending, string location, string retryAfter) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.Headers.RetryAfter = retryAfter;
            ReplyResults.Mark(context.Response, pending.Id, null);
            return TypedResults.Accepted(location, pending).ExecuteAsync(context);
        }
    }
}

/// <summary>The answer to a poll while the legacy system has not answered yet.</summary>
/// <param name="Status"><c>stored</c>, <c>delivering</c> or <c>retrying</c>.</param>
public sealed record ReplyPending(Guid Id, string Destination, string Status, int Attempts, DateTimeOffset? NextAttemptAt, string? LastError);

/// <summary>The OpenAPI side of a reply endpoint: every answer it may give, described once.</summary>
internal static class ReplyEndpoint
{
    public static RouteHandlerBuilder ProducesReply(this RouteHandlerBuilder builder) => builder
        .WithDescription("Follows the asynchronous request-reply pattern: poll the receipt's Location until the status is not 202 " +
            "(Retry-After says when to ask again). Then the legacy system's answer as it came: its status, the listed headers, its body " +
            "(cut at the configured size, marked with X-Sluice-Reply-Truncated: true); 204 when delivered by a sink that keeps no answer. " +
            "A dead letter answers 502 with its last error; a message an operator discarded, 410. " +
            "?destination= picks another of the message's destinations (default: the first configured, the legacy system).")
        .Produces(StatusCodes.Status200OK)
        .Produces<ReplyPending>(StatusCodes.Status202Accepted)
        .Produces(StatusCodes.Status204NoContent)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status410Gone)
        .ProducesProblem(StatusCodes.Status502BadGateway)
        .ProducesValidationProblem();
}

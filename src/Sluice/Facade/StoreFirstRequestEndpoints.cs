using Microsoft.AspNetCore.Http.HttpResults;
using Sluice.Delivery.Sinks.Http;
using Sluice.Intake;
using Sluice.Journal;
using Sluice.Replies;

namespace Sluice.Facade;

/// <summary>Where a request stored by a store-first route stands: what was stored and how its replay is going.</summary>
public static class StoreFirstRequestEndpoints
{
    internal static async Task<Results<Ok<StoreFirstRequestView>, ProblemHttpResult>> GetRequestAsync(
        Guid id, IJournal journal, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, journal, cancellationToken) is not ({ } record, { } route))
        {
            return NotFound();
        }

        return TypedResults.Ok(new StoreFirstRequestView(
            record.Id,
            route,
            HttpRequestMetadata.Method(record.Metadata) ?? "",
            HttpRequestMetadata.PathAndQuery(record.Metadata) ?? "",
            record.ContentType,
            record.Payload.Length,
            record.OrderingKey,
            record.ReceivedAt,
            DeliveryViews.OverallStatus(record.Deliveries),
            DeliveryViews.From(record.Deliveries)));
    }

    internal static async Task<IResult> GetReplyAsync(
        Guid id, string? destination, IJournal journal, StoreFirstRouteTable routes, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, journal, cancellationToken) is not ({ } record, { } route))
        {
            return NotFound();
        }

        var preferred = routes.Routes.FirstOrDefault(r => r.Name == route)?.Options.Destinations ?? [];
        return await ReplyPoll.AnswerAsync(record, destination, preferred, $"{StoreFirstRequestsApi.Prefix}/{id}/reply", journal, time, cancellationToken);
    }

    /// <summary>The stored message and the store-first route that stored it; null when the id names no such request.</summary>
    private static async Task<(MessageRecord Record, string Route)?> FindAsync(Guid id, IJournal journal, CancellationToken cancellationToken) =>
        await journal.GetMessageAsync(id, cancellationToken) is { } record && record.Metadata.TryGetValue(StoreFirstIntake.RouteMetadata, out var route)
            ? (record, route)
            : null;

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No request stored by a store-first route has this id.");
}

/// <summary>A stored request without its headers and body, which may carry credentials or personal data.</summary>
public sealed record StoreFirstRequestView(
    Guid Id,
    string Route,
    string Method,
    string Path,
    string ContentType,
    int BodyBytes,
    string? OrderingKey,
    DateTimeOffset ReceivedAt,
    string Status,
    IReadOnlyList<DeliveryView> Deliveries);

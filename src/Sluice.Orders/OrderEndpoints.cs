using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Sluice.Journal;
using Sluice.Journal.Relational;
using Sluice.Intake;
using Sluice.Orders.Populate;
using Sluice.Replies;
using Sluice.Security;

namespace Sluice.Orders;

internal static class OrderEndpoints
{
    internal static async Task<Results<Accepted<OrderReceipt>, ReplyResults.FinishedResult, ValidationProblem, ProblemHttpResult>> RecordOrderAsync(
        OrderRequest? request, OrderIntake intake, HttpContext context, ReplyWaiter waiter, IOptions<RepliesOptions> replies,
        CancellationToken cancellationToken)
    {
        var errors = OrderValidator.Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The order is not valid; nothing was stored.");
        }

        using var wait = waiter.Begin(context, replies.Value.MaxWait, intake.Destinations[0]);
        var (outcome, receipt, result) = await intake.RecordAsync(request!, cancellationToken, wait);
        if (outcome == AppendOutcome.IdempotencyConflict)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "This clientOrderId was already used on this account for a different order.",
                detail: $"The id belongs to an order received at {result.ReceivedAt:O}. Use a new clientOrderId for a new order.");
        }

        if (wait is not null && await wait.AnswerAsync(result, cancellationToken) is { } answer)
        {
            return answer;
        }

        return TypedResults.Accepted($"/api/orders/{receipt!.Id}", receipt);
    }

    internal static async Task<IResult> GetReplyAsync(
        long id, string? destination, OrderQueries orders, OrderIntake intake, IJournal journal, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await orders.Store.GetAsync(id, cancellationToken) is not { } row)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No order {id}.");
        }

        // Populated orders are history for the queries: never delivered, so nobody answered them.
        if (row.MessageId is not { } messageId || await journal.GetMessageAsync(messageId, cancellationToken) is not { } record)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"Order {id} was never sent for processing: it has no reply.");
        }

        return await ReplyPoll.AnswerAsync(record, destination, intake.Destinations, $"/api/orders/{id}/reply", journal, time, cancellationToken);
    }

    internal static async Task<Results<Ok<OrderView>, ProblemHttpResult>> GetOrderAsync(
        long id, OrderQueries orders, CancellationToken cancellationToken) =>
        await orders.GetAsync(id, cancellationToken) is { } order
            ? TypedResults.Ok(order)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No order {id}.");

    /// <remarks>The parameters are declared for the OpenAPI document; they are read (and checked) from the query string.</remarks>
    internal static async Task<Results<Ok<OrderList>, ValidationProblem>> ListOrdersAsync(
        HttpRequest request,
        OrderQueries orders,
        CancellationToken cancellationToken,
        string? after = null,
        string? limit = null,
        string? fromId = null,
        string? toId = null,
        string? from = null,
        string? to = null)
    {
        _ = (after, limit, fromId, toId, from, to);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (OrderListQuery.Parse(request.Query, errors) is not { } query)
        {
            return TypedResults.ValidationProblem(errors, title: "The query is not valid.");
        }

        var store = orders.Store;
        var count = query.Limit;
        if (query.ByTime)
        {
            var fromMs = query.From is { } start ? UnixTime.ToMs(start) : long.MinValue;
            var toMs = query.To is { } end ? UnixTime.ToMs(end) : long.MaxValue;
            var rows = await store.AcceptedBetweenAsync(fromMs, toMs, query.After ?? 0, count, cancellationToken);
            var next = rows.Count == count
                ? Link(("from", Instant(rows[^1].AcceptedAtMs)), ("to", query.To is null ? null : Instant(toMs)), ("after", rows[^1].Id.ToString(CultureInfo.InvariantCulture)), ("limit", Number(count)))
                : null;
            return TypedResults.Ok(new OrderList(await orders.ViewsAsync(rows, cancellationToken), next));
        }

        if (query.ByIds)
        {
            var lastId = query.ToId ?? long.MaxValue;
            var rows = await store.IdRangeAsync(query.FromId ?? 1, lastId, count, cancellationToken);
            var next = rows.Count == count && rows[^1].Id < lastId
                ? Link(("fromId", Number(rows[^1].Id + 1)), ("toId", query.ToId is { } t ? Number(t) : null), ("limit", Number(count)))
                : null;
            return TypedResults.Ok(new OrderList(await orders.ViewsAsync(rows, cancellationToken), next));
        }

        var slice = await store.AfterAsync(query.After ?? 0, count, cancellationToken);
        var following = slice.Count == count ? Link(("after", Number(slice[^1].Id)), ("limit", Number(count))) : null;
        return TypedResults.Ok(new OrderList(await orders.ViewsAsync(slice, cancellationToken), following));
    }

    /// <remarks>
    /// Ids are dense (1..N, never reused or skipped), so page n of size s is exactly the ids ((n-1)s, ns]: a
    /// primary-key range, as fast for the last page of 10 million as for the first, where OFFSET would scan.
    /// </remarks>
    internal static async Task<Results<Ok<OrderPage>, ValidationProblem, ProblemHttpResult>> GetPageAsync(
        string n, HttpRequest request, OrderQueries orders, CancellationToken cancellationToken, string? size = null)
    {
        _ = size;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var page) || page < 1)
        {
            errors["n"] = ["Use a page number from 1."];
        }

        var pageSize = OrderListQuery.ParseLimit(request.Query, "size", errors) ?? OrderListQuery.DefaultLimit;
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The page is not valid.");
        }

        var total = await orders.Store.CountAsync(cancellationToken);
        var pages = Math.Max(1, (total + pageSize - 1) / pageSize);
        if (page > pages)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: $"There is no page {page}.",
                detail: $"With size {pageSize} there are {pages} pages ({total} orders).");
        }

        var first = ((long)page - 1) * pageSize + 1;
        var rows = await orders.Store.IdRangeAsync(first, first + pageSize - 1, pageSize, cancellationToken);
        return TypedResults.Ok(new OrderPage(
            page,
            pageSize,
            total,
            pages,
            await orders.ViewsAsync(rows, cancellationToken),
            page < pages ? PageLink(page + 1, pageSize) : null,
            page > 1 ? PageLink(page - 1, pageSize) : null,
            PageLink((int)pages, pageSize)));
    }

    internal static async Task<Results<Ok<PopulateResult>, ValidationProblem>> PopulateAsync(
        string? count, string? seed, OrderPopulator populator, IOptions<OrdersOptions> options, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var max = options.Value.MaxPopulateCount;
        if (!long.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > max)
        {
            errors["count"] = [$"Use a whole number from 1 to {max:N0}."];
        }

        var fixedSeed = QueryNumbers.Optional<int>(seed, "seed", "Use a whole number, to generate the same orders again.", errors);

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Nothing was populated.");
        }

        return TypedResults.Ok(await populator.PopulateAsync(n, fixedSeed, cancellationToken));
    }

    private static string PageLink(int page, int size) => $"/api/orders/pages/{page}?size={size}";

    private static string Link(params (string Name, string? Value)[] parameters) =>
        "/api/orders?" + string.Join('&', parameters.Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}"));

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Instant(long ms) => UnixTime.FromMs(ms).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}

using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Sluice.Intake;
using Sluice.Journal;
using Sluice.Replies;
using Sluice.Security;

namespace Sluice.Punches;

internal static class PunchEndpoints
{
    internal static async Task<Results<Accepted<PunchReceipt>, ReplyResults.FinishedResult, ValidationProblem, ProblemHttpResult>> RecordPunchAsync(
        PunchRequest? request,
        [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey,
        PunchIntake intake,
        ClaimsPrincipal caller,
        HttpContext context,
        ReplyWaiter waiter,
        IOptions<RepliesOptions> replies,
        CancellationToken cancellationToken)
    {
        var prepared = await intake.PrepareAsync(request, idempotencyKey, caller, cancellationToken);
        if (prepared is { Errors: { } forbidden, Status: StatusCodes.Status403Forbidden })
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not stored: this caller may not punch for this employee.",
                detail: forbidden.Values.First()[0]);
        }

        if (prepared.Errors is { } errors)
        {
            return TypedResults.ValidationProblem(errors, title: "The punch is not valid; nothing was stored.");
        }

        var message = prepared.Message!;
        using var wait = waiter.Begin(context, replies.Value.MaxWait, intake.Options.Destinations[0]);
        wait?.Listen(message.Id);
        var result = await intake.Enqueue(message, cancellationToken);
        if (result.Outcome == AppendOutcome.IdempotencyConflict)
        {
            return IdempotencyKeys.Conflict(result);
        }

        if (wait is not null && await wait.AnswerAsync(result, cancellationToken) is { } answer)
        {
            return answer;
        }

        var receipt = (await intake.ReceiptAsync(message, result, cancellationToken))!;
        return TypedResults.Accepted($"/api/punches/{result.MessageId}", receipt);
    }

    /// <summary>
    /// Every punch is checked and queued in the request's order (so NSRs follow it), then all are awaited: they
    /// usually share one commit. Each is its own message: stored whole or not at all, whatever the others do.
    /// </summary>
    internal static async Task<Results<Ok<PunchBatchResult>, ValidationProblem>> RecordBatchAsync(
        PunchBatchRequest? request, PunchIntake intake, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var max = intake.Options.MaxBatchSize;
        if (request?.Punches is not { Count: > 0 } punches || punches.Count > max)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["punches"] = [$"Send 1 to {max} punches."] }, title: "The batch is not valid; nothing was stored.");
        }

        var items = new PunchBatchItem?[punches.Count];
        var pending = new List<(int Index, NewMessage Message, Task<AppendResult> Commit)>(punches.Count);
        for (var i = 0; i < punches.Count; i++)
        {
            var prepared = await intake.PrepareAsync(punches[i], null, caller, cancellationToken);
            if (prepared.Errors is { } errors)
            {
                var title = prepared.Status == StatusCodes.Status403Forbidden
                    ? "Not stored: this caller may not punch for this employee."
                    : "The punch is not valid; it was not stored.";
                items[i] = new PunchBatchItem(i, prepared.Status, null, new PunchItemProblem(title, prepared.Status, errors));
                continue;
            }

            try
            {
                pending.Add((i, prepared.Message!, intake.Enqueue(prepared.Message!, cancellationToken).AsTask()));
            }
            catch (JournalUnavailableException ex)
            {
                items[i] = Unavailable(i, ex);
            }
        }

        foreach (var (index, message, commit) in pending)
        {
            try
            {
                var result = await commit;
                items[index] = result.Outcome == AppendOutcome.IdempotencyConflict
                    ? new PunchBatchItem(index, StatusCodes.Status422UnprocessableEntity, null, new PunchItemProblem(
                        "This clientPunchId was already used for a different punch.", StatusCodes.Status422UnprocessableEntity, null,
                        $"It belongs to punch {result.MessageId}."))
                    : new PunchBatchItem(index, StatusCodes.Status202Accepted, await intake.ReceiptAsync(message, result, cancellationToken), null);
            }
            catch (JournalUnavailableException ex)
            {
                items[index] = Unavailable(index, ex);
            }
        }

        var stored = items.Count(i => i!.Status == StatusCodes.Status202Accepted);
        return TypedResults.Ok(new PunchBatchResult(stored, items.Length - stored, items!));
    }

    private static PunchBatchItem Unavailable(int index, JournalUnavailableException ex) =>
        new(index, StatusCodes.Status503ServiceUnavailable, null,
            new PunchItemProblem("Not stored; try again later.", StatusCodes.Status503ServiceUnavailable, null, ex.Message));

    /// <summary>The punch with both times on the establishment's clock (punches stored before that rule, too).</summary>
    internal static async Task<Results<Ok<PunchView>, ProblemHttpResult>> GetPunchAsync(
        Guid id, IJournal journal, Registry.EmployeeDirectory directory, CancellationToken cancellationToken)
    {
        var record = await journal.GetMessageAsync(id, cancellationToken);
        if (record is null || record.Kind != PunchIntake.Kind)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No punch with this id.");
        }

        var punch = JsonSerializer.Deserialize(record.Payload.Span, PunchesJsonContext.Default.PunchMessage)!;
        var snapshot = await directory.GetAsync(cancellationToken);
        var zone = snapshot.Establishments.ContainsKey(punch.EstablishmentId) ? snapshot.Zone(punch.EstablishmentId) : TimeZoneInfo.Utc;
        return TypedResults.Ok(new PunchView(
            punch.Id, punch.EmployeeId, ZoneTime.InZone(punch.PunchedAt, zone), punch.DeviceId, ZoneTime.InZone(record.ReceivedAt, zone),
            DeliveryViews.OverallStatus(record.Deliveries),
            DeliveryViews.From(record.Deliveries))
        {
            Nsr = punch.Nsr,
            Hash = punch.Hash,
        });
    }

    internal static async Task<IResult> GetReplyAsync(
        Guid id, string? destination, IJournal journal, PunchIntake intake, TimeProvider time, CancellationToken cancellationToken)
    {
        var record = await journal.GetMessageAsync(id, cancellationToken);
        if (record is null || record.Kind != PunchIntake.Kind)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No punch with this id.");
        }

        return await ReplyPoll.AnswerAsync(record, destination, intake.Options.Destinations, $"/api/punches/{id}/reply", journal, time, cancellationToken);
    }
}

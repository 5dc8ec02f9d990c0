using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Sluice.Hosting;
using Sluice.Intake;
using Sluice.Journal;
using Sluice.Security;

namespace Sluice.Punches;

public static class PunchesApi
{
    public static RouteGroupBuilder MapPunchesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/punches").WithTags("Punches");

        api.MapPost("/", RecordPunchAsync)
            .WithName("RecordPunch")
            .WithSummary("Store a punch; answered 202 only once it is committed to the journal.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .AsIntake();

        api.MapGet("/{id:guid}", GetPunchAsync)
            .WithName("GetPunch")
            .WithSummary("A stored punch and its delivery state per destination.")
            .RequireSluicePolicy(SluicePolicies.Read);

        return api;
    }

    internal static async Task<Results<Accepted<PunchReceipt>, ValidationProblem, ProblemHttpResult>> RecordPunchAsync(
        PunchRequest? request,
        [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey,
        PunchIntake intake,
        CancellationToken cancellationToken)
    {
        var errors = PunchValidator.Validate(request, out var punchedAt);
        IdempotencyKeys.Validate(idempotencyKey, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The punch is not valid; nothing was stored.");
        }

        var result = await intake.RecordAsync(request!, punchedAt, idempotencyKey, cancellationToken);
        if (result.Outcome == AppendOutcome.IdempotencyConflict)
        {
            return IdempotencyKeys.Conflict(result);
        }

        return TypedResults.Accepted($"/api/punches/{result.MessageId}", new PunchReceipt(result.MessageId, result.ReceivedAt, "stored"));
    }

    internal static async Task<Results<Ok<PunchView>, ProblemHttpResult>> GetPunchAsync(
        Guid id, IJournal journal, CancellationToken cancellationToken)
    {
        var record = await journal.GetMessageAsync(id, cancellationToken);
        if (record is null || record.Kind != PunchIntake.Kind)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No punch with this id.");
        }

        var punch = JsonSerializer.Deserialize(record.Payload.Span, SluiceJsonContext.Default.PunchMessage)!;
        return TypedResults.Ok(new PunchView(
            punch.Id, punch.EmployeeId, punch.PunchedAt, punch.DeviceId, record.ReceivedAt,
            DeliveryViews.OverallStatus(record.Deliveries),
            DeliveryViews.From(record.Deliveries)));
    }
}

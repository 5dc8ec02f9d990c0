using Sluice.Intake;
using Sluice.Punches.Receipts;
using Sluice.Replies;
using Sluice.Security;

namespace Sluice.Punches;

/// <summary>Every route under <c>/api/punches</c>: intake, a punch, its reply and its receipt.</summary>
internal static class PunchesApi
{
    public static RouteGroupBuilder MapPunchesApi(this IEndpointRouteBuilder app)
    {
        var punches = app.MapGroup("/api/punches");
        var api = punches.MapGroup("").WithTag("Punches", "Punches from apps, browsers, devices and batches: stored with their NSR and hash before the 202, then delivered to the legacy system at its pace.");

        api.MapPost("/", PunchEndpoints.RecordPunchAsync)
            .WithName("RecordPunch")
            .WithSummary("Store a punch; answered 202 only once it is committed, with its NSR and hash.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .AsIntake()
            .AcceptsPreferWait();

        api.MapPost("/batch", PunchEndpoints.RecordBatchAsync)
            .WithName("RecordPunchBatch")
            .WithSummary("Store up to Punches:MaxBatchSize punches (e.g. a collector back online); one answer per punch.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .AsIntake();

        api.MapGet("/{id:guid}", PunchEndpoints.GetPunchAsync)
            .AsOperation("GetPunch", SluicePolicies.Read, "A stored punch and its delivery state per destination.");

        api.MapGet("/{id:guid}/reply", PunchEndpoints.GetReplyAsync)
            .AsOperation("GetPunchReply", SluicePolicies.Read, "The legacy time system's answer to a punch, as it came; 202 with Retry-After until then, 502 with the last error for a dead letter.")
            .ProducesReply();

        punches.MapGet("/{id:guid}/receipt", ReceiptEndpoints.GetReceiptAsync).WithTag("Receipts", "The worker's receipt of each punch (Portaria 671, Art. 79): HTML, JSON or a signed PDF.")
            .AsOperation("GetPunchReceipt", SluicePolicies.Read, "The punch's Art. 79 receipt: JSON, a printable HTML page for Accept: text/html, or the signed PDF for Accept: application/pdf.");

        return punches;
    }
}

using Sluice.Security;

namespace Sluice.Operations;

/// <summary>Every route under <c>/api/dead-letters</c>; the handlers are <see cref="DeadLetterEndpoints"/>.</summary>
public static class DeadLettersApi
{
    public static RouteGroupBuilder MapDeadLettersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/dead-letters").WithTag("Dead letters", "Messages a destination gave up on: listed with their last error, replayed or discarded.");
        api.MapGet("/", DeadLetterEndpoints.ListAsync)
            .AsOperation("ListDeadLetters", SluicePolicies.Read, "Messages a destination gave up on, oldest first, with their last error.");
        api.MapPost("/replay", DeadLetterEndpoints.ReplayAsync)
            .AsOperation("ReplayDeadLetters", SluicePolicies.Manage, "Make dead letters due again (by ids, by destination, or both), with a fresh attempt count.");
        api.MapDelete("/{id:guid}", DeadLetterEndpoints.DiscardAsync)
            .AsOperation("DiscardDeadLetter", SluicePolicies.Manage, "Discard a dead letter: it is kept for audit but never delivered.");
        return api;
    }
}

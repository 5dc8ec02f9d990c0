using Sluice.Security;

namespace Sluice.Operations;

/// <summary>Every route under <c>/api/dead-letters</c>; the handlers are <see cref="DeadLetterEndpoints"/>.</summary>
public static class DeadLettersApi
{
    public static RouteGroupBuilder MapDeadLettersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/dead-letters").WithTags("Dead letters");
        api.MapGet("/", DeadLetterEndpoints.ListAsync)
            .WithName("ListDeadLetters")
            .WithSummary("Messages a destination gave up on, oldest first, with their last error.")
            .RequireSluicePolicy(SluicePolicies.Read);
        api.MapPost("/replay", DeadLetterEndpoints.ReplayAsync)
            .WithName("ReplayDeadLetters")
            .WithSummary("Make dead letters due again (by ids, by destination, or both), with a fresh attempt count.")
            .RequireSluicePolicy(SluicePolicies.Manage);
        api.MapDelete("/{id:guid}", DeadLetterEndpoints.DiscardAsync)
            .WithName("DiscardDeadLetter")
            .WithSummary("Discard a dead letter: it is kept for audit but never delivered.")
            .RequireSluicePolicy(SluicePolicies.Manage);
        return api;
    }
}

namespace Sluice.Replies;

/// <summary>Marks an intake endpoint that honours <c>Prefer: wait</c>.</summary>
internal sealed class AcceptsPreferWait
{
    public static readonly AcceptsPreferWait Instance = new();
}

internal static class PreferWaitEndpoint
{
    public static RouteHandlerBuilder AcceptsPreferWait(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(Replies.AcceptsPreferWait.Instance).Produces(StatusCodes.Status200OK);
}

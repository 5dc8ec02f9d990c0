namespace Sluice.Facade;

/// <summary>A store-first route's reply: what of the legacy system's answer is kept, and how long a client may wait for it.</summary>
public sealed class RouteReplyOptions
{
    /// <summary>Longest <c>Prefer: wait</c> granted on this route; unset: <c>Replies:MaxWait</c>. 0 never waits.</summary>
    public TimeSpan? MaxWait { get; set; }

    /// <summary>Most bytes of the answer's body kept; unset: the destination's <c>Reply:MaxBodyBytes</c>.</summary>
    public int? MaxBodyBytes { get; set; }

    /// <summary>Answer headers kept and given back with the reply; unset: the destination's <c>Reply:Headers</c>.</summary>
    public string[]? Headers { get; set; }
}

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

    /// <summary>Where every reply of this route is delivered once it is in (its host must be in <c>Callbacks:AllowedHosts</c>).</summary>
    public Uri? CallbackUrl { get; set; }

    /// <summary>Lets a request name its own callback URL in <c>X-Sluice-Callback-Url</c> (still only to allowed hosts).</summary>
    public bool AllowCallbackHeader { get; set; }

    /// <summary>The <c>whsec_…</c> secret callbacks of this route are signed with (Standard Webhooks); needed for any callback.</summary>
    public string? CallbackSecret { get; set; }

    public bool HasCallbacks => CallbackUrl is not null || AllowCallbackHeader;
}

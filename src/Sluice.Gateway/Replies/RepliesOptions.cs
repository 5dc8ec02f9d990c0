namespace Sluice.Replies;

/// <summary>The <c>Replies</c> section: how long a client may wait for the legacy system's answer (<c>Prefer: wait</c>).</summary>
public sealed class RepliesOptions
{
    public const string SectionName = "Replies";

    /// <summary>Longest wait granted to punches, orders and store-first routes that set none of their own; 0 never waits.</summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromSeconds(10);
}

namespace Sluice.Operations;

/// <summary>What a dead letter was about, in terms the people watching know: whose punch, which route or order.</summary>
/// <param name="Type">"employee", "order" or "route": the page words it in the reader's language.</param>
/// <param name="Label">The employee's code, the client's order id, or the route's name.</param>
/// <param name="Detail">The employee's name, the order's side, quantity and symbol, or the request's method and path.</param>
public sealed record DeadLetterSubject(string Type, string Label, string? Detail = null)
{
    public const string Employee = "employee";
    public const string Order = "order";
    public const string Route = "route";
}

/// <summary>A module that can say what one of its messages is about (one per message kind).</summary>
public interface IDeadLetterSubjectSource
{
    /// <summary>The message kind this source knows ("punch", "order").</summary>
    string Kind { get; }

    /// <summary>The subject of the message, or null when the module has no record of it.</summary>
    Task<DeadLetterSubject?> DescribeAsync(Guid messageId, CancellationToken cancellationToken);
}

namespace Sluice.Facade;

/// <summary>
/// The <c>Facade</c> section: where requests for paths Sluice does not own go, and which legacy routes are
/// store-first. Routes are read again when the configuration changes; the rest needs a restart.
/// </summary>
public sealed class FacadeOptions
{
    public const string SectionName = "Facade";

    /// <summary>Forward paths Sluice does not own to the legacy system (<c>Legacy:BaseUrl</c>). Off: they answer 404.</summary>
    public bool PassThrough { get; set; } = true;

    /// <summary>How long opening a connection to the legacy system may take before the client gets a 502.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest silence from the legacy system (no bytes either way) before a forwarded request gives up with 504.</summary>
    public TimeSpan ActivityTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// Paths (and everything under them) Sluice answers with 404 instead of forwarding, compared in canonical form
    /// (<see cref="CanonicalPath"/>): requests browsers make on their own, or that the legacy system should not see.
    /// The simulator's <c>/_sim</c> and near-misses of Sluice's own <c>/api/</c> paths are never forwarded either way.
    /// </summary>
    public string[] NeverForward { get; set; } = ["/favicon.ico"];

    /// <summary>Legacy routes turned store-first: journaled verbatim, answered at once, replayed later.</summary>
    public List<StoreFirstRouteOptions> Routes { get; set; } = [];
}

/// <summary>One legacy route turned store-first.</summary>
public sealed class StoreFirstRouteOptions
{
    /// <summary>Names the route in logs, errors and idempotency scopes; default: <c>METHOD path</c>.</summary>
    public string? Name { get; set; }

    /// <summary>HTTP method, e.g. <c>POST</c>.</summary>
    public string Method { get; set; } = "POST";

    /// <summary>ASP.NET route pattern, e.g. <c>/api/timesheets/{employeeId}</c> or <c>/legacy/{**rest}</c>.</summary>
    public string Path { get; set; } = "";

    /// <summary>Destinations the request is replayed to (names under <c>Delivery:Destinations</c>).</summary>
    public string[] Destinations { get; set; } = [];

    /// <summary>Message kind in the journal (sinks such as RabbitMQ map it to an event type).</summary>
    public string Kind { get; set; } = "http";

    /// <summary>Request headers stored and replayed with the body (Content-Type always is).</summary>
    public string[] Headers { get; set; } = [];

    /// <summary>
    /// The Sluice policy a caller must meet (<c>intake</c>, <c>read</c>, <c>manage</c>), or none: the default, for
    /// clients still carrying the legacy system's own credentials (list their header under <see cref="Headers"/>:
    /// the legacy system checks them when the request is replayed).
    /// </summary>
    public string? Policy { get; set; }

    /// <summary>Largest body stored; a larger one is refused with 413 and nothing is stored.</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    public OrderingKeyOptions? OrderingKey { get; set; }

    public RouteResponseOptions Response { get; set; } = new();

    public RouteReplyOptions Reply { get; set; } = new();

    /// <summary>The route's name for messages: its <see cref="Name"/>, or method and path.</summary>
    public string DisplayName => string.IsNullOrWhiteSpace(Name) ? $"{Method.ToUpperInvariant()} {Path}" : Name;
}

/// <summary>Where in the request the ordering key is: exactly one of a header, a query value, a JSON field or a route value.</summary>
public sealed class OrderingKeyOptions
{
    public string? Header { get; set; }

    public string? Query { get; set; }

    /// <summary>A property of the JSON body, dotted for nested objects: <c>employee.id</c>.</summary>
    public string? JsonField { get; set; }

    /// <summary>A value of the path pattern, e.g. <c>employeeId</c> in <c>/api/timesheets/{employeeId}</c>.</summary>
    public string? Route { get; set; }
}

/// <summary>What the client is told once the request is stored.</summary>
public sealed class RouteResponseOptions
{
    /// <summary>A 2xx status: the request is stored, not yet processed, so nothing else would be true.</summary>
    public int Status { get; set; } = StatusCodes.Status202Accepted;

    /// <summary>The body; <c>{id}</c> and <c>{receivedAt}</c> are replaced. Unset: a JSON receipt.</summary>
    public string? Body { get; set; }

    public string ContentType { get; set; } = "application/json";

    public Dictionary<string, string> Headers { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

namespace Sluice.Punches;

/// <summary>Punches a collector kept while offline (or any group), sent at once; each is stored or refused on its own.</summary>
public sealed record PunchBatchRequest(IReadOnlyList<PunchRequest?>? Punches);

/// <summary>One answer per punch, in the request's order.</summary>
public sealed record PunchBatchResult(int Stored, int Refused, IReadOnlyList<PunchBatchItem> Items);

/// <param name="Status">What the punch alone would have been answered: 202, 400, 422 or 503.</param>
public sealed record PunchBatchItem(int Index, int Status, PunchReceipt? Receipt, PunchItemProblem? Problem);

/// <summary>An RFC 9457-shaped problem for one item of a batch.</summary>
public sealed record PunchItemProblem(string Title, int Status, IReadOnlyDictionary<string, string[]>? Errors, string? Detail = null);

using System.Globalization;
using Sluice.Intake;

namespace Sluice.Orders;

/// <summary>The query string of <c>GET /api/orders</c>: one of three ways to slice the orders, checked all at once.</summary>
internal sealed record OrderListQuery(long? After, long? FromId, long? ToId, DateTimeOffset? From, DateTimeOffset? To, int Limit)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1_000;

    public bool ByTime => From is not null || To is not null;

    public bool ByIds => FromId is not null || ToId is not null;

    /// <summary>Parameters arrive as text so a bad one is named in the answer instead of failing the binding.</summary>
    public static OrderListQuery? Parse(IQueryCollection query, Dictionary<string, string[]> errors)
    {
        var after = Id(query, "after", errors, minimum: 0);
        var fromId = Id(query, "fromId", errors, minimum: 1);
        var toId = Id(query, "toId", errors, minimum: 1);
        var from = Instant(query, "from", errors);
        var to = Instant(query, "to", errors);
        var limit = ParseLimit(query, "limit", errors);

        var byIds = query.ContainsKey("fromId") || query.ContainsKey("toId");
        var byTime = query.ContainsKey("from") || query.ContainsKey("to");
        if (byIds && byTime)
        {
            errors["fromId"] = ["Slice by ids (fromId, toId) or by time (from, to), not both."];
        }

        // With a time range, after is the cursor of the previous slice; with an id range, fromId already is.
        if (byIds && query.ContainsKey("after"))
        {
            errors["after"] = ["Not with fromId/toId: continue an id range with the 'next' link (a new fromId)."];
        }

        if (fromId is { } f && toId is { } t && t < f)
        {
            errors["toId"] = ["Must not be below fromId."];
        }

        if (from is { } a && to is { } b && b < a)
        {
            errors["to"] = ["Must not be before from."];
        }

        return errors.Count > 0 ? null : new OrderListQuery(after, fromId, toId, from, to, limit ?? DefaultLimit);
    }

    internal static int? ParseLimit(IQueryCollection query, string name, Dictionary<string, string[]> errors)
    {
        if (!query.TryGetValue(name, out var text))
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= MaxLimit)
        {
            return value;
        }

        errors[name] = [$"Use a whole number from 1 to {MaxLimit}."];
        return null;
    }

    private static long? Id(IQueryCollection query, string name, Dictionary<string, string[]> errors, long minimum)
    {
        if (!query.TryGetValue(name, out var text))
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum)
        {
            return value;
        }

        errors[name] = [$"Use an order id: a whole number, at least {minimum}."];
        return null;
    }

    private static DateTimeOffset? Instant(IQueryCollection query, string name, Dictionary<string, string[]> errors)
    {
        if (!query.TryGetValue(name, out var text))
        {
            return null;
        }

        if (Instants.TryParse(text.ToString(), out var value))
        {
            return value;
        }

        errors[name] = ["Use ISO 8601 with a UTC offset, e.g. 2026-11-24T09:30:00Z."];
        return null;
    }
}

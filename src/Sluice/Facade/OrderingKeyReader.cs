using System.Text.Json;

namespace Sluice.Facade;

/// <summary>Reads a route's ordering key from the request: a header, a query value, a route value or a JSON field of the body.</summary>
internal static class OrderingKeyReader
{
    /// <summary>Longest key kept; the journal indexes it, and an id is never this long.</summary>
    public const int MaxLength = 200;

    /// <returns>The key, or null with <paramref name="field"/> and <paramref name="reason"/> saying what is missing.</returns>
    public static string? Read(OrderingKeyOptions key, HttpRequest request, RouteValueDictionary values, ReadOnlySpan<byte> body, out string field, out string reason)
    {
        reason = "";
        string? value;
        if (key.Header is { Length: > 0 } header)
        {
            field = header;
            value = request.Headers.TryGetValue(header, out var h) ? h.ToString() : null;
        }
        else if (key.Query is { Length: > 0 } query)
        {
            field = query;
            value = request.Query.TryGetValue(query, out var q) ? q.ToString() : null;
        }
        else if (key.Route is { Length: > 0 } route)
        {
            field = route;
            value = values.TryGetValue(route, out var r) ? Convert.ToString(r, System.Globalization.CultureInfo.InvariantCulture) : null;
        }
        else
        {
            field = key.JsonField!;
            value = FromJson(body, key.JsonField!, ref reason);
        }

        if (string.IsNullOrEmpty(value))
        {
            reason = reason.Length > 0 ? reason : "This route delivers in order per key, and the key is missing or empty.";
            return null;
        }

        if (value.Length > MaxLength)
        {
            reason = $"The ordering key is longer than {MaxLength} characters.";
            return null;
        }

        return value;
    }

    /// <summary>A string or number at the dotted path; other JSON values are not keys.</summary>
    private static string? FromJson(ReadOnlySpan<byte> body, string path, ref string reason)
    {
        try
        {
            // A repeated name would make the key depend on which copy a reader takes: refused, as on every JSON endpoint.
            using var document = JsonDocument.Parse(body.ToArray(), new JsonDocumentOptions { AllowDuplicateProperties = false });
            var element = document.RootElement;
            foreach (var name in path.Split('.'))
            {
                if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
                {
                    return null;
                }
            }

            return element.ValueKind switch
            {
                JsonValueKind.String => element.GetString(),
                JsonValueKind.Number => element.GetRawText(),
                _ => null,
            };
        }
        catch (JsonException)
        {
            reason = "The body must be JSON without repeated names: this route reads its ordering key from a JSON field.";
            return null;
        }
    }
}

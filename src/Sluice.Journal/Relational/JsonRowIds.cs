using System.Text;
using System.Text.Json;

namespace Sluice.Journal.Relational;

/// <summary>
/// Ids in rows sent to SQLite as JSON (<c>json_each</c>) must be stored as Microsoft.Data.Sqlite binds a
/// <see cref="Guid"/> parameter everywhere else, upper-case text, or lookups by id stop matching.
/// </summary>
public static class JsonRowIds
{
    public static void Write(Utf8JsonWriter json, Guid id)
    {
        Span<char> text = stackalloc char[36];
        id.TryFormat(text, out _, "D");
        Ascii.ToUpperInPlace(text, out _);
        json.WriteStringValue(text);
    }
}

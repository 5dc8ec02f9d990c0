using System.Text.Json;
using System.Text.RegularExpressions;

namespace Sluice.Observability.Dashboard;

/// <summary>
/// One readable line from a delivery's last error. The HTTP sink records "HTTP 422 Unprocessable Entity: {body}" (after
/// the engine's "Refused permanently: " or "Gave up after 8 attempts: "); a
/// person wants the status and the sentence the legacy system gave, not its JSON. From a JSON body the first of
/// <c>detail</c>, <c>title</c>, <c>message</c>, <c>error</c> that is text is taken; other bodies give their first line.
/// </summary>
public static partial class ErrorSummary
{
    public const int MaxLength = 160;

    private static readonly string[] Fields = ["detail", "title", "message", "error", "error_description"];

    public static string? Of(string? error)
    {
        if (string.IsNullOrWhiteSpace(error))
        {
            return null;
        }

        // The engine may have put why it gave up in front ("Refused permanently: HTTP 422 …"): that stays in the head.
        var answer = HttpAnswer().Match(error);
        if (!answer.Success)
        {
            return Cut(FirstLine(error));
        }

        var head = answer.Groups["head"].Value;
        var body = answer.Groups["body"].Value.Trim();

        var said = Said(body) ?? FirstLine(body);
        return Cut(string.IsNullOrWhiteSpace(said) ? head : $"{head} — {said}");
    }

    private static string? Said(string body)
    {
        if (!body.StartsWith('{'))
        {
            return null;
        }

        try
        {
            // The body may have been cut at the sink's limit: a JSON reader stops where the text stops.
            var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(body), isFinalBlock: false, state: default);
            var found = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var depth = 0;
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        depth++;
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        depth--;
                        break;
                    case JsonTokenType.PropertyName when depth == 1:
                        var name = reader.GetString()!;
                        if (reader.Read() && reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: > 0 } text)
                        {
                            found.TryAdd(name, text);
                        }
                        else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                        {
                            depth++;
                        }

                        break;
                }
            }

            return Fields.Select(found.GetValueOrDefault).FirstOrDefault(v => v is not null);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^(?<head>.*?HTTP \d{3}[^:\n]*): (?<body>.*)$", RegexOptions.Singleline)]
    private static partial Regex HttpAnswer();

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    private static string Cut(string text) => text.Length <= MaxLength ? text : text[..(MaxLength - 1)] + "…";
}

using System.Globalization;
using System.Text;

namespace Sluice.Tests.Security;

/// <summary>
/// Hostile and odd values from a seeded <see cref="Random"/>: the same seed gives the same requests, so a failure
/// found once is found again.
/// </summary>
public sealed class FuzzInputs(int seed)
{
    private static readonly string[] Names =
    [
        "employeeId", "cpf", "pin", "webPin", "establishmentId", "punchedAt", "collector", "offline", "clientPunchId", "deviceId",
        "punches", "clientOrderId", "account", "symbol", "side", "quantity", "price", "name", "kind", "code", "active",
        "documentType", "document", "legalName", "inpiNumber", "timeZone", "serial", "ids", "destination", "responsibleCpf", "cnoCaepf",
    ];

    private static readonly string[] Strings =
    [
        "", " ", "0", "-1", "1", "null", "true", "2026-11-22T08:00:03-03:00", "2026-11-22", "0001-01-01", "9999-12-31", "2026-13-45",
        "00000000-0000-0000-0000-000000000000", "9223372036854775807", "-9223372036854775808", "1e999", "NaN", "'; DROP TABLE messages;--",
        "../../etc/passwd", "%00", "\u0000", "\u202e", "\ud800", "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/a}", "%s%n{0}",
        "America/Sao_Paulo", "Mars/Olympus", "11222333000181", "52998224725", "BUY", "app", "device", "orders", "legacy", "ção",
    ];

    public Random Random { get; } = new(seed);

    public string Text() => Random.Next(10) switch
    {
        0 => new string((char)Random.Next(32, 127), Random.Next(1, 20_000)),
        1 => string.Concat(Enumerable.Range(0, Random.Next(1, 40)).Select(_ => (char)Random.Next(0, 0xD7FF))),
        _ => Strings[Random.Next(Strings.Length)],
    };

    /// <summary>A value for a route or query parameter of the given schema type.</summary>
    public string Parameter(string type, string? format) => Random.Next(4) switch
    {
        0 when format == "uuid" => Uuid().ToString(),
        0 when type is "integer" or "number" => Random.NextInt64(long.MinValue, long.MaxValue).ToString(CultureInfo.InvariantCulture),
        1 => Random.Next(-5, 2000).ToString(CultureInfo.InvariantCulture),
        _ => Text(),
    };

    /// <summary>From the seeded generator, unlike <see cref="Guid.NewGuid"/>, so a run can be replayed.</summary>
    public Guid Uuid()
    {
        var bytes = new byte[16];
        Random.NextBytes(bytes);
        return new Guid(bytes);
    }

    public string Json(int depth = 0)
    {
        return Random.Next(depth > 3 ? 6 : 9) switch
        {
            0 => "null",
            1 => Random.Next(2) == 0 ? "true" : "false",
            2 => Random.Next(3) == 0 ? "1e999" : Random.NextInt64(long.MinValue, long.MaxValue).ToString(CultureInfo.InvariantCulture),
            3 or 4 or 5 => System.Text.Json.JsonSerializer.Serialize(Text()),
            6 => "[" + string.Join(',', Enumerable.Range(0, Random.Next(0, 4)).Select(_ => Json(depth + 1))) + "]",
            _ => JsonObject(depth + 1),
        };
    }

    /// <summary>An object with names an endpoint may read, sometimes one of them twice.</summary>
    public string JsonObject(int depth = 0)
    {
        var names = Enumerable.Range(0, Random.Next(0, 8)).Select(_ => Names[Random.Next(Names.Length)]).ToList();
        if (names.Count > 0 && Random.Next(5) == 0)
        {
            names.Add(names[0]);
        }

        return "{" + string.Join(',', names.Select(n => $"\"{n}\":{Json(depth)}")) + "}";
    }

    /// <summary>A body for the content type: well-formed most of the time, else cut short or with bytes flipped.</summary>
    public byte[] Body(string contentType)
    {
        var text = contentType switch
        {
            _ when contentType.Contains("json", StringComparison.Ordinal) => JsonObject(),
            "text/csv" => "code,name,cpf,pin,webPin\n" + string.Join('\n', Enumerable.Range(0, Random.Next(0, 5)).Select(_ => string.Join(',', Enumerable.Range(0, 5).Select(_ => Text().Replace('\n', ' '))))),
            "application/x-www-form-urlencoded" => string.Join('&', Enumerable.Range(0, Random.Next(0, 6)).Select(_ =>
                $"{Uri.EscapeDataString(Random.Next(2) == 0 ? "employee" : "pin")}={Uri.EscapeDataString(Text())}")),
            _ => Text(),
        };
        var bytes = Encoding.UTF8.GetBytes(text);
        switch (Random.Next(6))
        {
            case 0 when bytes.Length > 1:
                return bytes[..Random.Next(bytes.Length)];
            case 1:
                for (var i = 0; i < Math.Min(8, bytes.Length); i++)
                {
                    bytes[Random.Next(bytes.Length)] = (byte)Random.Next(256);
                }

                return bytes;
            default:
                return bytes;
        }
    }
}

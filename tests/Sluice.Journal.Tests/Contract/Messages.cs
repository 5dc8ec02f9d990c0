using System.Text;

namespace Sluice.Journal.Tests.Contract;

/// <summary>Builders for the messages the contract tests append.</summary>
internal static class Messages
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 22, 11, 0, 0, TimeSpan.Zero);

    public static NewMessage New(
        string[]? destinations = null,
        DateTimeOffset? receivedAt = null,
        string? orderingKey = null,
        IdempotencyClaim? claim = null,
        string body = "{\"employeeId\":\"1001\"}",
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        var at = receivedAt ?? T0;
        return new NewMessage(Guid.CreateVersion7(at), "punch", Encoding.UTF8.GetBytes(body), "application/json",
            destinations ?? ["legacy"], at)
        {
            OrderingKey = orderingKey,
            Idempotency = claim,
            Metadata = metadata,
        };
    }

    public static IdempotencyClaim Claim(string key, string hash = "h1") => new("punches", key, Encoding.UTF8.GetBytes(hash));
}

using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Sluice.Journal;

namespace Sluice.Intake;

/// <summary>The <c>Idempotency-Key</c> request header, shared by every intake route.</summary>
internal static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";
    public const int MaxLength = 255;

    /// <summary>Instants are hashed in one spelling, so equal requests hash equal.</summary>
    public const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffffzzz";

    /// <summary>
    /// What makes two requests "the same" for a key: the SHA-256 of their normalised fields, one a line, each already
    /// spelled without regard to culture, so the JSON's spelling of a request never changes its hash.
    /// </summary>
    public static byte[] RequestHash(params string?[] fields) => SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', fields)));

    public static void Validate(string? key, Dictionary<string, string[]> errors)
    {
        if (key is not null && (key.Length is 0 or > MaxLength || key.Any(c => c is < '!' or > '~')))
        {
            errors[Header] = [$"Use 1 to {MaxLength} visible ASCII characters."];
        }
    }

    public static ProblemHttpResult Conflict(AppendResult original) => TypedResults.Problem(
        statusCode: StatusCodes.Status422UnprocessableEntity,
        title: "This Idempotency-Key was already used for a different request.",
        detail: $"The key belongs to message {original.MessageId}, received at {original.ReceivedAt:O}. Use a new key for a new request.");
}

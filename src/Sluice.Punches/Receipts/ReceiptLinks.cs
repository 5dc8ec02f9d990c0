using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Sluice.Punches.WebPage;

namespace Sluice.Punches.Receipts;

/// <summary>
/// Links to one punch's receipt that the worker opens without any Sluice credential: the punch id and an expiry,
/// signed with HMAC-SHA256. Whoever holds the link sees that one receipt until it expires; nobody can make a link
/// to another punch, or stretch one, without the key.
/// </summary>
/// <remarks>
/// The key is <see cref="PunchesOptions.ReceiptLinkKey"/>. Unset, each process draws a random one at start: links
/// are then good only on the node that made them and only until it restarts, which is safe but inconvenient, so
/// it is logged. There is no published default, so no environment signs with a key anyone else knows.
/// </remarks>
internal sealed partial class ReceiptLinks
{
    public const string PathPrefix = "/punch/receipts/";

    /// <summary>Unchanged from the first links, so links already given stay good.</summary>
    private const string Purpose = "sluice-receipt-link-v1";

    private readonly LinkTokens _tokens;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _time;

    public ReceiptLinks(IOptions<PunchesOptions> options, TimeProvider time, ILogger<ReceiptLinks> logger)
    {
        _time = time;
        _lifetime = options.Value.ReceiptLinkLifetime;
        if (options.Value.ReceiptLinkKey is { Length: > 0 } key)
        {
            _tokens = new LinkTokens(Encoding.UTF8.GetBytes(key), Purpose);
        }
        else
        {
            _tokens = new LinkTokens(RandomNumberGenerator.GetBytes(32), Purpose);
            LogRandomKey(logger);
        }
    }

    /// <summary>The path of a link to the punch's receipt, good for <see cref="PunchesOptions.ReceiptLinkLifetime"/> from now.</summary>
    public string PathFor(Guid punchId) => PathPrefix + Sign(punchId, _time.GetUtcNow() + _lifetime);

    public string Sign(Guid punchId, DateTimeOffset expires) => _tokens.Sign(punchId, expires);

    /// <summary>Reads a token: the punch it names when it is genuine and not expired.</summary>
    public ReceiptLink Read(string token) =>
        _tokens.Read(token) is not { } read
            ? new ReceiptLink(ReceiptLinkState.Invalid, Guid.Empty, default)
            : new ReceiptLink(_time.GetUtcNow() < read.Expires ? ReceiptLinkState.Valid : ReceiptLinkState.Expired, read.Id, read.Expires);

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Punches:ReceiptLinkKey is not set: receipt links are signed with a random key, so they work only on this node and until it restarts.")]
    private static partial void LogRandomKey(ILogger logger);
}

internal enum ReceiptLinkState
{
    Valid,
    Expired,
    Invalid,
}

/// <param name="PunchId">The punch (message) id; empty when <see cref="State"/> is <see cref="ReceiptLinkState.Invalid"/>.</param>
internal sealed record ReceiptLink(ReceiptLinkState State, Guid PunchId, DateTimeOffset Expires);

using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Sluice.Punches.Receipts;

namespace Sluice.Punches.WebPage;

/// <summary>
/// The link the worker gets after signing in to see their Espelho: their employee id and an expiry, signed with the
/// receipt links' key under its own purpose, good for <see cref="PunchesOptions.EspelhoLinkLifetime"/>. It stands in
/// for a session: the page keeps no cookie and no PIN, and the month picker and the PDF link carry it.
/// </summary>
internal sealed class EspelhoLinks
{
    public const string PathPrefix = "/punch/espelho/";

    private readonly LinkTokens _tokens;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _time;

    public EspelhoLinks(IOptions<PunchesOptions> options, TimeProvider time)
    {
        _time = time;
        _lifetime = options.Value.EspelhoLinkLifetime;
        // Without a configured key the link works on this node only (ReceiptLinks logs that once for both).
        var key = options.Value.ReceiptLinkKey is { Length: > 0 } configured ? Encoding.UTF8.GetBytes(configured) : RandomNumberGenerator.GetBytes(32);
        _tokens = new LinkTokens(key, "sluice-espelho-link-v1");
    }

    /// <summary>A token for the employee's Espelho, good from now for the link's lifetime.</summary>
    public string TokenFor(Guid employeeId) => _tokens.Sign(employeeId, _time.GetUtcNow() + _lifetime);

    /// <summary>The employee a token names, when it is genuine and not expired.</summary>
    public (ReceiptLinkState State, Guid EmployeeId) Read(string token) =>
        _tokens.Read(token) is not { } read
            ? (ReceiptLinkState.Invalid, Guid.Empty)
            : (_time.GetUtcNow() < read.Expires ? ReceiptLinkState.Valid : ReceiptLinkState.Expired, read.Id);
}

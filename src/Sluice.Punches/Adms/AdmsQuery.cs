using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Sluice.Punches.Adms;

/// <summary>What a device says in the query string of every <c>/iclock/*</c> request. Names are matched
/// case-insensitively (firmware differs: <c>SN</c>, <c>sn</c>); values are trimmed; absent or blank is null.</summary>
/// <param name="Serial">Device serial number (<c>SN</c>): the device's identity.</param>
/// <param name="Table">Uploaded table (<c>table</c>): <c>ATTLOG</c>, <c>OPERLOG</c>, <c>ATTPHOTO</c>...; null on a handshake.</param>
/// <param name="Stamp">The device's upload stamp (<c>Stamp</c>).</param>
/// <param name="Options">Handshake options (<c>options</c>, usually <c>all</c>).</param>
/// <param name="PushVersion">Protocol version (<c>pushver</c>).</param>
/// <param name="Language">Device language code (<c>language</c>).</param>
/// <param name="CommKey">The device's push comm key (<c>pushcommkey</c>), which firmware sends on its handshake when one is set.</param>
internal sealed record AdmsQuery(
    string? Serial, string? Table, string? Stamp, string? Options, string? PushVersion, string? Language, string? CommKey = null)
{
    public const string AttlogTable = "ATTLOG";

    /// <summary>True for the upload of punches.</summary>
    public bool IsAttlog => string.Equals(Table, AttlogTable, StringComparison.OrdinalIgnoreCase);

    /// <summary>From a raw query string, with or without the leading '?'.</summary>
    public static AdmsQuery Parse(string? queryString)
    {
        var values = new Dictionary<string, StringValues>(QueryHelpers.ParseQuery(queryString), StringComparer.OrdinalIgnoreCase);
        return From(name => values.TryGetValue(name, out var value) ? value : StringValues.Empty);
    }

    /// <summary>From ASP.NET Core's parsed query (already case-insensitive).</summary>
    public static AdmsQuery From(IQueryCollection query) => From(name => query[name]);

    private static AdmsQuery From(Func<string, StringValues> get)
    {
        string? Value(string name) => get(name).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
        return new AdmsQuery(Value("SN"), Value("table"), Value("Stamp"), Value("options"), Value("pushver"), Value("language"), Value("pushcommkey"));
    }
}

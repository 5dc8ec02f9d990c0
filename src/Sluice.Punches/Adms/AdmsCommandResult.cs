using System.Globalization;

namespace Sluice.Punches.Adms;

/// <summary>A device's answer to a command, posted to <c>/iclock/devicecmd</c> as <c>ID=3&amp;Return=0&amp;CMD=DATA</c>.</summary>
/// <param name="Id">The command's id.</param>
/// <param name="Return">The device's return code (0 success, negative failure) when sent.</param>
/// <param name="Command">The command word echoed back (<c>DATA</c>...), when sent.</param>
internal sealed record AdmsCommandResult(long Id, int? Return, string? Command)
{
    public bool Succeeded => Return == 0;

    /// <summary>
    /// One result per non-blank line (devices may answer several commands at once). Keys are case-insensitive;
    /// a line without a numeric ID is skipped, since there is no command to attach it to.
    /// </summary>
    public static IReadOnlyList<AdmsCommandResult> ParseAll(string body)
    {
        var results = new List<AdmsCommandResult>();
        foreach (var line in body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in line.Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var separator = pair.IndexOf('=', StringComparison.Ordinal);
                if (separator > 0)
                {
                    fields.TryAdd(pair[..separator].Trim(), pair[(separator + 1)..].Trim());
                }
            }

            if (fields.TryGetValue("ID", out var idText) && long.TryParse(idText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id))
            {
                int? returnCode = fields.TryGetValue("Return", out var r) && int.TryParse(r, NumberStyles.Integer, CultureInfo.InvariantCulture, out var code) ? code : null;
                results.Add(new AdmsCommandResult(id, returnCode, fields.GetValueOrDefault("CMD") is { Length: > 0 } cmd ? cmd : null));
            }
        }

        return results;
    }
}

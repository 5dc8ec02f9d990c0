using System.Globalization;
using System.Text;

namespace Sluice.Punches.Adms;

/// <summary>A command queued for a device, sent on its next <c>getrequest</c> as <c>C:&lt;id&gt;:&lt;command&gt;</c>.</summary>
/// <param name="Id">Positive id the device echoes back in its result.</param>
/// <param name="Text">The command, e.g. <c>DATA UPDATE USERINFO PIN=1001\tName=Ana…</c>; one line.</param>
internal sealed record AdmsCommand(long Id, string Text)
{
    /// <summary>The <c>getrequest</c> reply: <c>OK</c> when there is nothing, else one <c>C:id:command</c> line per command.</summary>
    public static string FormatAll(IEnumerable<AdmsCommand> commands)
    {
        var text = new StringBuilder();
        foreach (var command in commands)
        {
            text.Append(command.Format()).Append('\n');
        }

        return text.Length == 0 ? AdmsResponses.Ok : text.ToString();
    }

    /// <exception cref="ArgumentException">The id is not positive or the text is empty or spans lines.</exception>
    public string Format()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Id);
        if (string.IsNullOrWhiteSpace(Text) || Text.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            // A line break would smuggle a second command into the reply.
            throw new ArgumentException("A command is one non-empty line.", nameof(Text));
        }

        return string.Create(CultureInfo.InvariantCulture, $"C:{Id}:{Text}");
    }

    /// <summary>Reads a <c>C:id:command</c> line back (tests, tools).</summary>
    public static bool TryParse(string line, out AdmsCommand command)
    {
        command = null!;
        var parts = line.TrimEnd('\r', '\n').Split(':', 3);
        if (parts.Length != 3 || parts[0] != "C"
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0 || parts[2].Length == 0)
        {
            return false;
        }

        command = new AdmsCommand(id, parts[2]);
        return true;
    }

    /// <summary>Adds or updates an employee on the device, so it knows the PIN and name.</summary>
    public static AdmsCommand UpdateUser(long id, string pin, string name, int privilege = 0, string card = "", int group = 1) =>
        new(id, string.Create(CultureInfo.InvariantCulture,
            $"DATA UPDATE USERINFO PIN={Field(pin)}\tName={Field(name)}\tPri={privilege}\tPasswd=\tCard={Field(card)}\tGrp={group}"));

    /// <summary>Removes an employee from the device.</summary>
    public static AdmsCommand DeleteUser(long id, string pin) => new(id, "DATA DELETE USERINFO PIN=" + Field(pin));

    // A tab or line break inside a value would start another field or command.
    private static string Field(string value) => AdmsResponses.Sanitize(value).Trim();
}

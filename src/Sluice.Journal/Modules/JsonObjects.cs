namespace Sluice.Journal.Modules;

/// <summary>
/// Lets a module finish a payload inside the commit without serialising the whole message there: the sender
/// serialises what it knows on its own thread, leaving out what the module assigns; the module serialises only
/// those few members and joins the two objects. The single writer then spends microseconds, not a serialisation.
/// </summary>
public static class JsonObjects
{
    /// <summary>
    /// The members of two compact JSON objects as one object, <paramref name="first"/>'s members first:
    /// <c>{"nsr":1}</c> and <c>{"id":"…"}</c> give <c>{"nsr":1,"id":"…"}</c>. Neither may repeat a member of the other.
    /// </summary>
    /// <exception cref="ArgumentException">Either is not a JSON object (it must start with <c>{</c> and end with <c>}</c>).</exception>
    public static byte[] Join(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        var head = Members(first, nameof(first));
        var tail = Members(second, nameof(second));
        var separator = head.IsEmpty || tail.IsEmpty ? 0 : 1;
        var joined = new byte[head.Length + tail.Length + separator + 2];
        joined[0] = (byte)'{';
        head.CopyTo(joined.AsSpan(1));
        if (separator == 1)
        {
            joined[1 + head.Length] = (byte)',';
        }

        tail.CopyTo(joined.AsSpan(1 + head.Length + separator));
        joined[^1] = (byte)'}';
        return joined;
    }

    private static ReadOnlySpan<byte> Members(ReadOnlySpan<byte> json, string name)
    {
        if (json.Length < 2 || json[0] != (byte)'{' || json[^1] != (byte)'}')
        {
            throw new ArgumentException("Expected a compact JSON object.", name);
        }

        return json[1..^1];
    }
}

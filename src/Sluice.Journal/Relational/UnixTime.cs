namespace Sluice.Journal.Relational;

/// <summary>Instants are stored as Unix milliseconds (UTC): compact, indexable, engine-neutral.</summary>
public static class UnixTime
{
    public static long ToMs(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromMs(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);

    public static DateTimeOffset? FromMs(long? value) => value is { } ms ? FromMs(ms) : null;
}

using System.Globalization;

namespace Sluice.Punches.Ledger;

/// <summary>
/// Ledger times are stored as round-trip ISO text, which keeps the offset they were written with, the establishment's
/// at recording (the AFD and the hash need it, and a later change of the establishment's zone must not rewrite it),
/// next to UTC milliseconds for range queries.
/// </summary>
internal static class LedgerTimes
{
    public static string Format(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) => DateTimeOffset.ParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.None);

    public static long Ms(DateTimeOffset value) => value.ToUnixTimeMilliseconds();
}

namespace Sluice.Punches.Ledger;

/// <summary>Who collected a punch, with the codes the AFD's type 7 record gives them (Portaria 671, field 6).</summary>
internal enum PunchCollector
{
    MobileApp = 1,
    Browser = 2,
    DesktopApp = 3,
    Device = 4,
    Other = 5,
}

internal static class PunchCollectors
{
    /// <summary>The names clients send, in the order of their codes.</summary>
    public static readonly string[] Names = ["app", "browser", "desktop", "device", "other"];

    public static bool TryParse(string? name, out PunchCollector collector)
    {
        var index = Array.FindIndex(Names, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        collector = (PunchCollector)(index + 1);
        return index >= 0;
    }

    public static string Name(this PunchCollector collector) => Names[(int)collector - 1];
}

namespace Sluice.Punches;

public sealed class PunchesOptions
{
    public const string SectionName = "Punches";

    /// <summary>Destinations every punch is delivered to (names under <c>Delivery:Destinations</c>).</summary>
    public string[] Destinations { get; set; } = ["legacy"];

    /// <summary>Deliver each employee's punches one at a time in arrival order (in before out).</summary>
    /// <remarks>Off by default: each punch carries its own time, and keeping order costs the journal an index
    /// lookup per punch (about a third of intake throughput, see bench/RESULTS.md).</remarks>
    public bool OrderByEmployee { get; set; }
}

using System.Text.Json.Serialization;

namespace Sluice.Punches.Espelho;

/// <summary>
/// Where a marking in the Espelho comes from (Portaria 671 Art. 84 V): the REP's own record, or what the treatment
/// program did on top of it. Treated markings never change a ledger record; they are read beside them.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<MarkingSource>))]
public enum MarkingSource
{
    /// <summary>A punch as the REP recorded it (a type 7 record with its NSR).</summary>
    [JsonStringEnumMemberName("original")]
    Original,

    /// <summary>Added by the employer, e.g. a forgotten punch, with a reason.</summary>
    [JsonStringEnumMemberName("included")]
    Included,

    /// <summary>Marked by rule rather than punched, e.g. a pre-assigned meal break (CLT art. 74 §2).</summary>
    [JsonStringEnumMemberName("preAssigned")]
    PreAssigned,

    /// <summary>A recorded punch the employer does not count, with a reason; still shown, never deleted.</summary>
    [JsonStringEnumMemberName("disregarded")]
    Disregarded,
}

/// <summary>One marking the Espelho is built from.</summary>
/// <param name="At">The marked instant.</param>
/// <param name="Source">Original, or how the treatment program treated it.</param>
/// <param name="Nsr">The REP record's NSR for an original or disregarded punch; none for an included or pre-assigned one.</param>
/// <param name="Collector">What recorded it, e.g. <c>browser:web</c> or <c>device:CQZ7231160012</c>.</param>
/// <param name="Reason">Why it was treated (included, pre-assigned or disregarded).</param>
internal sealed record Marking(DateTimeOffset At, MarkingSource Source, long? Nsr = null, string? Collector = null, string? Reason = null)
{
    /// <summary>Whether the marking counts towards the worked time: everything but a disregarded punch.</summary>
    public bool Counts => Source != MarkingSource.Disregarded;
}

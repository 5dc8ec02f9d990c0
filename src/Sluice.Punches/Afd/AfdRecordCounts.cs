namespace Sluice.Punches.Afd;

/// <summary>How many records of each type the file holds, for the type 9 trailer.</summary>
internal sealed record AfdRecordCounts(long Type2, long Type3, long Type4, long Type5, long Type6, long Type7)
{
    public static readonly AfdRecordCounts None = new(0, 0, 0, 0, 0, 0);

    /// <summary>From counts indexed by record type: <c>byType[2]</c> is the number of type 2 records.</summary>
    public static AfdRecordCounts ByType(long[] byType) => new(byType[2], byType[3], byType[4], byType[5], byType[6], byType[7]);
}

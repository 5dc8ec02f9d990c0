namespace Sluice.Punches.Afd;

/// <summary>How many records of each type the file holds, for the type 9 trailer.</summary>
internal sealed record AfdRecordCounts(long Type2, long Type3, long Type4, long Type5, long Type6, long Type7)
{
    public static readonly AfdRecordCounts None = new(0, 0, 0, 0, 0, 0);
}

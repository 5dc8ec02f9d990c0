using System.Security.Cryptography;
using System.Text;
using Sluice.Punches.Ledger;

namespace Sluice.Tests.Punches.Ledger;

public sealed class PunchHashTests
{
    private static readonly TimeSpan Brasilia = TimeSpan.FromHours(-3);
    private static readonly DateTimeOffset At = new(2026, 11, 2, 8, 0, 15, Brasilia);

    [Fact]
    public void First_punch_hashes_fields_1_to_7_as_the_AFD_writes_them()
    {
        var hash = PunchHash.Compute(2, At, "529.982.247-25", At, 2, false, null);

        Assert.Equal("903b49fa2746f9f8daec8749a8b9aafa16430c5f650a933ad1f94b54b21155bd", hash);
        Assert.Equal(hash, PunchHash.Compute(2, At, "52998224725", At.AddSeconds(30), 2, false, ""));
    }

    [Fact]
    public void Next_punch_chains_the_previous_hash()
    {
        var previous = PunchHash.Compute(2, At, "52998224725", At, 2, false, null);
        var at = new DateTimeOffset(2026, 11, 2, 12, 1, 0, Brasilia);

        var hash = PunchHash.Compute(3, at, "52998224725", at.AddMinutes(2), 4, true, previous);

        Assert.Equal("a553fc2759b2e817d501237a257673543877b25fc0382e3d056cf83c94a91259", hash);
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(
            "000000003" + "7" + "2026-11-02T12:01:00-0300" + "052998224725" + "2026-11-02T12:03:00-0300" + "04" + "1" + previous)));
        Assert.Equal(expected, hash);
    }

    [Fact]
    public void Any_field_or_link_change_changes_the_hash()
    {
        var previous = new string('0', 64);
        var baseline = PunchHash.Compute(5, At, "52998224725", At, 2, false, previous);

        Assert.NotEqual(baseline, PunchHash.Compute(6, At, "52998224725", At, 2, false, previous));
        Assert.NotEqual(baseline, PunchHash.Compute(5, At.AddMinutes(1), "52998224725", At, 2, false, previous));
        Assert.NotEqual(baseline, PunchHash.Compute(5, At, "11144477735", At, 2, false, previous));
        Assert.NotEqual(baseline, PunchHash.Compute(5, At, "52998224725", At.AddMinutes(1), 2, false, previous));
        Assert.NotEqual(baseline, PunchHash.Compute(5, At, "52998224725", At, 4, false, previous));
        Assert.NotEqual(baseline, PunchHash.Compute(5, At, "52998224725", At, 2, true, previous));
        Assert.NotEqual(baseline, PunchHash.Compute(5, At, "52998224725", At, 2, false, new string('1', 64)));
        Assert.Matches("^[0-9a-f]{64}$", baseline);
    }

    [Fact]
    public void A_previous_hash_that_is_not_64_hex_characters_is_refused()
    {
        Assert.Throws<ArgumentException>(() => PunchHash.Compute(2, At, "52998224725", At, 2, false, "abc"));
        Assert.Throws<ArgumentException>(() => PunchHash.Compute(2, At, "52998224725", At, 2, false, new string('g', 64)));
    }
}

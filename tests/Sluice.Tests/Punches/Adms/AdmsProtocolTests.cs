using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Sluice.Punches;
using Sluice.Punches.Adms;

namespace Sluice.Tests.Punches.Adms;

public sealed class AdmsProtocolTests
{
    [Fact]
    public void Query_names_are_case_insensitive_and_blank_is_absent()
    {
        var upload = AdmsQuery.Parse("?SN=CQZ7224&table=ATTLOG&Stamp=9999");
        var handshake = AdmsQuery.Parse("sn= CQZ7224 &options=all&pushver=2.4.1&language=69&table=");

        Assert.Equal(new AdmsQuery("CQZ7224", "ATTLOG", "9999", null, null, null), upload);
        Assert.True(upload.IsAttlog);
        Assert.Equal(new AdmsQuery("CQZ7224", null, null, "all", "2.4.1", "69"), handshake);
        Assert.False(handshake.IsAttlog);
        Assert.Equal(upload, AdmsQuery.From(new QueryCollection(QueryHelpers.ParseQuery("sn=CQZ7224&TABLE=ATTLOG&stamp=9999"))));
    }

    [Fact]
    public void Handshake_reply_is_the_option_list()
    {
        var reply = AdmsResponses.Handshake("CQZ7224", new AdmsHandshakeSettings(TimeSpan.FromHours(-3)));

        Assert.Equal(
            "GET OPTION FROM: CQZ7224\nATTLOGStamp=None\nOPERLOGStamp=9999\nATTPHOTOStamp=None\nErrorDelay=30\nDelay=10\n"
            + "TransTimes=00:00;14:05\nTransInterval=1\nTransFlag=TransData AttLog OpLog\nTimeZone=-3\nRealtime=1\nEncrypt=None\n",
            reply);
        Assert.Contains("TimeZone=5.5\n", AdmsResponses.Handshake("X", new AdmsHandshakeSettings(new TimeSpan(5, 30, 0))), StringComparison.Ordinal);
        Assert.StartsWith("GET OPTION FROM: A B\n", AdmsResponses.Handshake("A\nB", new AdmsHandshakeSettings(TimeSpan.Zero)), StringComparison.Ordinal);
    }

    [Fact]
    public void Upload_replies_count_the_stored_records()
    {
        Assert.Equal("OK: 3", AdmsResponses.Accepted(3));
        Assert.Equal("OK", AdmsResponses.Ok);
        Assert.Equal("ERROR: device not authorized", AdmsResponses.NotAuthorized);
        Assert.Equal("ERROR: at most 5 lines per upload", AdmsResponses.TooManyLines(5));
    }

    [Fact]
    public void Getrequest_reply_is_OK_or_one_line_per_command()
    {
        Assert.Equal("OK", AdmsCommand.FormatAll([]));
        var reply = AdmsCommand.FormatAll([AdmsCommand.UpdateUser(3, "1001", "Ana\tMaria"), AdmsCommand.DeleteUser(4, "1002")]);

        Assert.Equal(
            "C:3:DATA UPDATE USERINFO PIN=1001\tName=Ana Maria\tPri=0\tPasswd=\tCard=\tGrp=1\nC:4:DATA DELETE USERINFO PIN=1002\n", reply);
        Assert.True(AdmsCommand.TryParse("C:3:DATA UPDATE USERINFO PIN=1001\tName=Ana", out var parsed));
        Assert.Equal(new AdmsCommand(3, "DATA UPDATE USERINFO PIN=1001\tName=Ana"), parsed);
        Assert.False(AdmsCommand.TryParse("C:x:DATA", out _));
        Assert.Throws<ArgumentException>(() => new AdmsCommand(5, "REBOOT\nC:6:CLEAR DATA").Format());
        Assert.ThrowsAny<ArgumentException>(() => new AdmsCommand(0, "REBOOT").Format());
    }

    [Fact]
    public void Devicecmd_results_are_parsed_per_line()
    {
        var results = AdmsCommandResult.ParseAll("ID=3&Return=0&CMD=DATA\r\nid=4&return=-1002&cmd=DATA\n\nReturn=0&CMD=DATA\nID=5");

        Assert.Equal(
            [new AdmsCommandResult(3, 0, "DATA"), new AdmsCommandResult(4, -1002, "DATA"), new AdmsCommandResult(5, null, null)],
            results);
        Assert.True(results[0].Succeeded);
        Assert.False(results[1].Succeeded);
    }

    [Fact]
    public void Local_times_in_a_DST_gap_or_overlap_have_one_reading()
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

        // 02:30 does not exist on 2026-03-08: read with the offset before the jump (-5), shown as 03:30 (-4).
        var gap = ZoneTime.ToInstant(new DateTime(2026, 3, 8, 2, 30, 0), newYork);
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 7, 30, 0, TimeSpan.Zero), gap);
        Assert.Equal(TimeSpan.FromHours(-4), gap.Offset);

        // 01:30 happens twice on 2026-11-01: the first (-4).
        var overlap = ZoneTime.ToInstant(new DateTime(2026, 11, 1, 1, 30, 0), newYork);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 1, 30, 0, TimeSpan.FromHours(-4)), overlap);
    }
}

using Sluice.Punches.Adms;

namespace Sluice.Tests.Punches.Adms;

public sealed class AttlogParserTests
{
    private static readonly TimeZoneInfo SaoPaulo = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");

    [Fact]
    public void Reads_tab_separated_lines_with_all_fields()
    {
        var batch = AttlogParser.Parse("01001\t2026-11-02 08:00:03\t0\t1\t0\t0\t0\r\n1002\t2026-11-02 08:00:09\t1\t15\t7\t0\t0\r\n");

        Assert.Empty(batch.Rejected);
        Assert.Equal(2, batch.Records.Count);
        var first = batch.Records[0];
        Assert.Equal("01001", first.Pin); // leading zeros matter
        Assert.Equal(new DateTime(2026, 11, 2, 8, 0, 3), first.LocalTime);
        Assert.Equal((int)AttlogStatus.CheckIn, first.Status);
        Assert.Equal(1, first.Verify);
        Assert.Equal("0", first.WorkCode);
        Assert.Equal(1, first.LineNumber);
        Assert.Equal((int)AttlogStatus.CheckOut, batch.Records[1].Status);
        Assert.Equal("7", batch.Records[1].WorkCode);
    }

    [Theory]
    [InlineData("1001\t2026-11-02 08:00:03\t0\t1\t0\t0\t0")]
    [InlineData("1001\t2026-11-02 08:00:03\t0\t1\t0\t0\t0\t\t")]
    [InlineData("  1001\t2026-11-02  08:00:03 \t0\t1\t0\t0\t0  \r")]
    [InlineData("1001 2026-11-02 08:00:03 0 1 0 0 0")]
    [InlineData("1001\t2026-11-02\t08:00:03\t0\t1\t0\t0\t0")]
    [InlineData("\uFEFF1001\t2026/11/02 08:00:03\t0\t1\t0\t0\t0")]
    public void Firmware_variants_of_one_punch_normalize_to_one_line(string line)
    {
        var record = Assert.Single(AttlogParser.Parse(line).Records);

        Assert.Equal("1001\t2026-11-02 08:00:03\t0\t1\t0\t0\t0", record.NormalizedLine);
        Assert.Equal(AdmsIdempotency.Key("SN123", "1001", new DateTime(2026, 11, 2, 8, 0, 3)), AdmsIdempotency.Key("SN123", record));
    }

    [Fact]
    public void Missing_trailing_fields_and_blank_lines_are_fine()
    {
        var batch = AttlogParser.Parse("\n\n1001\t2026-11-02 08:00\n\r\n1002\t2026-11-02 17:30:00\t1\n");

        Assert.Empty(batch.Rejected);
        Assert.Equal(2, batch.Records.Count);
        Assert.Null(batch.Records[0].Status);
        Assert.Null(batch.Records[0].WorkCode);
        Assert.Equal(new DateTime(2026, 11, 2, 8, 0, 0), batch.Records[0].LocalTime);
        Assert.Equal(3, batch.Records[0].LineNumber);
        Assert.Equal(1, batch.Records[1].Status);
    }

    [Fact]
    public void Lines_without_a_PIN_or_time_are_rejected_with_a_reason()
    {
        var batch = AttlogParser.Parse("1001\tyesterday\t0\n\t2026-11-02 08:00:00\t0\n10 01\t2026-11-02 08:00:00\n1003\t2026-11-02 08:00:00\t0");

        Assert.Equal([1, 2, 3], batch.Rejected.Select(r => r.LineNumber));
        Assert.Contains("time", batch.Rejected[0].Reason, StringComparison.Ordinal);
        Assert.Contains("PIN", batch.Rejected[1].Reason, StringComparison.Ordinal);
        Assert.Equal("1003", Assert.Single(batch.Records).Pin);
    }

    [Fact]
    public void Device_time_is_read_in_the_device_zone()
    {
        var record = Assert.Single(AttlogParser.Parse("1001\t2026-11-02 08:00:03\t0").Records);

        Assert.Equal(new DateTimeOffset(2026, 11, 2, 11, 0, 3, TimeSpan.Zero), record.PunchedAt(SaoPaulo));
        Assert.Equal(TimeSpan.FromHours(-3), record.PunchedAt(SaoPaulo).Offset);
    }

    [Fact]
    public void Idempotency_key_differs_by_serial_PIN_and_time_and_is_a_valid_header()
    {
        var at = new DateTime(2026, 11, 2, 8, 0, 3);
        var key = AdmsIdempotency.Key("SN1", "1001", at);

        Assert.Matches("^adms-[0-9a-f]{64}$", key);
        Assert.NotEqual(key, AdmsIdempotency.Key("SN2", "1001", at));
        Assert.NotEqual(key, AdmsIdempotency.Key("SN1", "01001", at));
        Assert.NotEqual(key, AdmsIdempotency.Key("SN1", "1001", at.AddSeconds(1)));
        Assert.Equal(key, AdmsIdempotency.Key("SN1", "1001", at));
    }

    [Theory]
    [InlineData("1001\t2026-11-02 08:00:03\t0\t1\t7\t0\t0", "work code")]
    [InlineData("1001\t2026-11-02 08:00:03\t0\t1\t0\t9\tX", "reserved fields")]
    [InlineData("1001\t2026-11-02 08:00:03\t1\t15\t0", "status and verify mode")]
    [InlineData("1001\t2026-11-02 08:00:03", "no trailing fields")]
    public void Fields_that_do_not_identify_a_punch_do_not_change_its_key(string line, string changed)
    {
        var original = Assert.Single(AttlogParser.Parse("1001\t2026-11-02 08:00:03\t0\t1\t0\t0\t0").Records);
        var altered = Assert.Single(AttlogParser.Parse(line).Records);

        Assert.True(AdmsIdempotency.Key("SN1", original) == AdmsIdempotency.Key("SN1", altered), changed);
        Assert.Single(AdmsUpload.Read("SN1", "1001\t2026-11-02 08:00:03\t0\t1\t0\t0\t0\n" + line, SaoPaulo).Punches);
    }

    [Fact]
    public void An_upload_gives_punches_with_instants_and_keys_once_each()
    {
        var upload = AdmsUpload.Read("CQZ7224", "1001\t2026-11-02 08:00:03\t0\t1\n1001 2026-11-02 08:00:03 0 1\r\nbad\n1002\t2026-11-02 08:01:00\t0\n", SaoPaulo);

        Assert.Equal(["1001", "1002"], upload.Punches.Select(p => p.Pin));
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 8, 0, 3, TimeSpan.FromHours(-3)), upload.Punches[0].PunchedAt);
        Assert.Equal(AdmsIdempotency.Key("CQZ7224", "1001", new DateTime(2026, 11, 2, 8, 0, 3)), upload.Punches[0].IdempotencyKey);
        Assert.Equal(4, upload.Lines);
        Assert.Equal(3, Assert.Single(upload.Rejected).LineNumber);
    }
}

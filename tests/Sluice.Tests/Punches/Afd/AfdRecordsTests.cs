using System.Globalization;
using System.Text;
using Sluice.Punches.Afd;

namespace Sluice.Tests.Punches.Afd;

public sealed class AfdRecordsTests
{
    private static readonly TimeSpan Brasilia = TimeSpan.FromHours(-3);

    internal static AfdHeader Header() => new(
        AfdDocumentType.Cnpj, "12.345.678/0001-95", null, "Padaria São João Ltda", "5120210001230",
        new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), new DateTimeOffset(2026, 11, 30, 18, 5, 42, Brasilia),
        AfdDocumentType.Cnpj, "11.222.333/0001-81");

    [Fact]
    public void Crc_of_123456789_is_the_kermit_check_value()
    {
        Assert.Equal(0x2189, AfdCrc.Compute("123456789"u8));
        Assert.Equal(0x2189, AfdCrc.Compute("123456789".AsSpan()));
        Span<char> hex = stackalloc char[4];
        AfdCrc.Write("123456789", hex);
        Assert.Equal("2189", hex.ToString());
    }

    [Fact]
    public void DH_has_seconds_00_and_an_offset_without_colon()
    {
        Assert.Equal("2021-04-27T16:44:00-0300", AfdTimeFormat.DateTime(new DateTimeOffset(2021, 4, 27, 16, 44, 59, 999, Brasilia)));
        Assert.Equal("2021-04-27T16:44:00+0000", AfdTimeFormat.DateTime(new DateTimeOffset(2021, 4, 27, 16, 44, 0, TimeSpan.Zero)));
        Assert.Equal("2021-01-02T03:04:00+0530", AfdTimeFormat.DateTime(new DateTimeOffset(2021, 1, 2, 3, 4, 5, new TimeSpan(5, 30, 0))));
        Assert.Equal("2021-01-02T03:04:00-0930", AfdTimeFormat.DateTime(new DateTimeOffset(2021, 1, 2, 3, 4, 5, new TimeSpan(-9, -30, 0))));
        Assert.Equal(24, AfdTimeFormat.DateTime(DateTimeOffset.MaxValue.ToOffset(TimeSpan.Zero)).Length);
    }

    [Fact]
    public void D_is_year_month_day()
    {
        Assert.Equal("2021-04-07", AfdTimeFormat.Date(new DateOnly(2021, 4, 7)));
        Assert.Equal("0999-12-31", AfdTimeFormat.Date(new DateOnly(999, 12, 31)));
    }

    [Fact]
    public void Every_record_has_its_exact_width()
    {
        var at = new DateTimeOffset(2026, 11, 2, 8, 0, 0, Brasilia);
        Assert.Equal(302, AfdRecords.Header(Header()).Length);
        Assert.Equal(302, AfdRecords.Header(Header() with { LegalName = new string('x', 500), Inpi = new string('9', 17), CnoOrCaepf = "12345678901234" }).Length);
        Assert.Equal(118, AfdRecords.Employee(new AfdEmployeeEntry(1, at, AfdEmployeeOperation.Include, "529.982.247-25", "Ana", "11144477735")).Length);
        Assert.Equal(118, AfdRecords.Employee(new AfdEmployeeEntry(999_999_999, at, AfdEmployeeOperation.Exclude, "52998224725", new string('N', 80), "11144477735")).Length);
        Assert.Equal(331, AfdRecords.Employer(new AfdEmployerEntry(1, at, "11144477735", AfdDocumentType.Cpf, "52998224725", "12345678901234",
            new string('N', 400), new string('L', 400))).Length);
        Assert.Equal(36, AfdRecords.Event(new AfdEventEntry(1, at, AfdEventCode.PowerReturn)).Length);
        Assert.Equal(137, AfdRecords.Punch(new AfdPunchEntry(2, at, "52998224725", at, AfdCollector.Browser, false, new string('a', 64))).Length);
        Assert.Equal(64, AfdRecords.Trailer(new AfdRecordCounts(1, 2, 3, 4, 5, 6)).Length);
        Assert.Equal(100, AfdRecords.Signature().Length);
    }

    [Fact]
    public void Numbers_are_zero_padded_and_text_is_left_aligned_padded_and_truncated()
    {
        var at = new DateTimeOffset(2026, 11, 2, 8, 0, 0, Brasilia);
        var line = AfdRecords.Employee(new AfdEmployeeEntry(42, at, AfdEmployeeOperation.Alter, "529.982.247-25", "  Zé  ", "111.444.777-35"));
        Assert.Equal("000000042", line[..9]);
        Assert.Equal("052998224725", line.Substring(35, 12));
        Assert.Equal("Zé" + new string(' ', 50), line.Substring(47, 52));
        Assert.Equal("11144477735", line.Substring(103, 11));

        var longName = AfdRecords.Employee(new AfdEmployeeEntry(1, at, AfdEmployeeOperation.Include, "52998224725", new string('A', 51) + "BC", "11144477735"));
        Assert.Equal(new string('A', 51) + "B", longName.Substring(47, 52));
    }

    [Fact]
    public void Text_outside_latin1_is_made_latin1_and_line_breaks_cannot_break_a_line()
    {
        Assert.Equal("João Conceição", AfdText.ToLatin1("João Conceição"));
        Assert.Equal("Erdos Sandor", AfdText.ToLatin1("Erdős Sándor").Replace('á', 'a'));
        Assert.Equal("a b", AfdText.ToLatin1("a\nb"));
        Assert.Equal("Ana ?", AfdText.ToLatin1("Ana 😀")); // one '?' per code point, not per UTF-16 unit
        Assert.Equal("??", AfdText.ToLatin1("李雷"));
        Assert.All(AfdText.ToLatin1("Ωμέγα Łódź\r\t“x”"), c => Assert.True(c <= 0xFF && c >= ' '));
    }

    [Fact]
    public void Numbers_that_do_not_fit_or_are_not_numbers_are_refused_not_truncated()
    {
        var at = DateTimeOffset.UnixEpoch;
        Assert.ThrowsAny<ArgumentException>(() => AfdRecords.Punch(new AfdPunchEntry(1_000_000_000, at, "52998224725", at, 1, false, new string('a', 64))));
        Assert.ThrowsAny<ArgumentException>(() => AfdRecords.Punch(new AfdPunchEntry(1, at, "5299822472x", at, 1, false, new string('a', 64))));
        Assert.ThrowsAny<ArgumentException>(() => AfdRecords.Punch(new AfdPunchEntry(1, at, "52998224725", at, 6, false, new string('a', 64))));
        Assert.ThrowsAny<ArgumentException>(() => AfdRecords.Punch(new AfdPunchEntry(1, at, "52998224725", at, 1, false, "abc")));
        Assert.ThrowsAny<ArgumentException>(() => AfdRecords.Header(Header() with { EmployerDocument = "123456789012345" }));
        Assert.ThrowsAny<ArgumentException>(() => AfdRecords.Header(Header() with { DeveloperDocument = "" }));
        Assert.ThrowsAny<ArgumentException>(() => AfdRecords.Header(Header() with { To = new DateOnly(2026, 10, 31) }));
        Assert.Equal("00000000123456", AfdRecords.Header(Header() with { CnoOrCaepf = "123.456" }).Substring(25, 14));
    }

    [Fact]
    public void Records_end_with_the_crc_of_the_bytes_before_it()
    {
        var header = AfdRecords.Header(Header());
        var bytes = Encoding.Latin1.GetBytes(header[..298]);
        Assert.Equal(AfdCrc.Compute(bytes).ToString("X4", CultureInfo.InvariantCulture), header[298..]);
    }

    [Fact]
    public void Collector_kinds_map_to_their_codes()
    {
        Assert.Equal(["01", "02", "03", "04", "05", "05"], new[] { "app", "Browser", "desktop", "DEVICE", "other", null }
            .Select(k => AfdCollector.FromKind(k).ToString("00", CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_header_never_carries_letters_in_a_numeric_field_nor_leaves_the_developer_blank()
    {
        Assert.Throws<ArgumentException>(() => AfdRecords.Header(Header() with { Inpi = "BR512021000123-0" }));
        Assert.Throws<ArgumentException>(() => AfdRecords.Header(Header() with { DeveloperDocument = "" }));
        var header = AfdRecords.Header(Header());
        Assert.Matches("^[0-9]{17}$", header[189..206]);
        Assert.Matches("^[0-9]{14}$", header[254..268]);
    }

    [Fact]
    public void File_name_is_AFD_INPI_document_REP_P()
    {
        Assert.Equal("AFD512021000123012345678000195REP_P.txt", AfdFileName.For("5120210001230", "12.345.678/0001-95"));
    }
}

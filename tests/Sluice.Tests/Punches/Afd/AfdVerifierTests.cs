using System.Text;
using Sluice.Punches.Afd;
using Sluice.Punches.Ledger;

namespace Sluice.Tests.Punches.Afd;

public sealed class AfdVerifierTests
{
    private static readonly TimeSpan Brasilia = TimeSpan.FromHours(-3);

    [Fact]
    public async Task A_written_file_verifies()
    {
        var check = await CheckAsync(await WriteAsync(5));

        Assert.True(check.IsValid, string.Join("; ", check.Problems));
        Assert.Equal(1 + 1 + 5 + 2, check.Lines);
        Assert.Equal(AfdRecordCounts.None with { Type5 = 1, Type7 = 5 }, check.Counts);
    }

    [Fact]
    public async Task An_altered_punch_is_named_by_its_NSR_once()
    {
        var lines = Lines(await WriteAsync(5));
        // NSR 4 (line 5): 08:02 becomes 08:09.
        lines[4] = lines[4].Remove(24, 1).Insert(24, "9");

        var check = await CheckAsync(Join(lines));

        var problem = Assert.Single(check.Problems);
        Assert.Equal(4, problem.Nsr);
        Assert.Contains("hash", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_removed_punch_breaks_the_NSR_sequence_and_the_chain()
    {
        var lines = Lines(await WriteAsync(5)).ToList();
        lines.RemoveAt(3); // NSR 3

        var check = await CheckAsync(Join([.. lines]));

        Assert.Contains(check.Problems, p => p.Nsr == 4 && p.Reason.Contains("gap", StringComparison.Ordinal));
        Assert.Contains(check.Problems, p => p.Nsr == 4 && p.Reason.Contains("hash", StringComparison.Ordinal));
        Assert.Contains(check.Problems, p => p.Reason.Contains("Trailer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_altered_employee_record_fails_its_CRC()
    {
        var lines = Lines(await WriteAsync(2));
        lines[1] = lines[1].Replace("Ana", "Ada", StringComparison.Ordinal);

        var problem = Assert.Single((await CheckAsync(Join(lines))).Problems);

        Assert.Equal(1, problem.Nsr);
        Assert.Contains("CRC", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Line_ends_other_than_CRLF_are_reported()
    {
        var bytes = await WriteAsync(1);
        var lf = Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(bytes).Replace("\r\n", "\n", StringComparison.Ordinal));

        var check = await CheckAsync(lf);

        Assert.Equal(5, check.Problems.Count(p => p.Reason.Contains("CRLF", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_first_punch_is_checked_against_a_known_previous_hash()
    {
        var bytes = await WriteAsync(2);

        Assert.True((await AfdVerifier.CheckAsync(new MemoryStream(bytes), null, CancellationToken.None)).IsValid);
        var check = await AfdVerifier.CheckAsync(new MemoryStream(bytes), new string('0', 64), CancellationToken.None);
        Assert.Equal(2, Assert.Single(check.Problems).Nsr);
    }

    private static async Task<byte[]> WriteAsync(int punches)
    {
        var entries = new List<AfdEntry>
        {
            new AfdEmployeeEntry(1, new DateTimeOffset(2026, 11, 1, 9, 0, 0, Brasilia), AfdEmployeeOperation.Include, "52998224725", "Ana", "11144477735"),
        };
        string? previous = null;
        for (var i = 0; i < punches; i++)
        {
            var at = new DateTimeOffset(2026, 11, 2, 8, i, 0, Brasilia);
            var hash = PunchHash.Compute(i + 2, at, "52998224725", at, AfdCollector.Device, false, previous);
            entries.Add(new AfdPunchEntry(i + 2, at, "52998224725", at, AfdCollector.Device, false, hash));
            previous = hash;
        }

        using var output = new MemoryStream();
        await AfdWriter.WriteAsync(output, AfdRecordsTests.Header(), entries.ToAsyncEnumerable(), CancellationToken.None);
        return output.ToArray();
    }

    private static string[] Lines(byte[] file) => Encoding.Latin1.GetString(file).Split("\r\n")[..^1];

    private static byte[] Join(string[] lines) => Encoding.Latin1.GetBytes(string.Concat(lines.Select(l => l + "\r\n")));

    private static Task<AfdCheck> CheckAsync(byte[] file) => AfdVerifier.CheckAsync(new MemoryStream(file), null, CancellationToken.None);
}

using System.Runtime.CompilerServices;
using System.Text;
using Sluice.Punches.Afd;
using Sluice.Punches.Ledger;

namespace Sluice.Tests.Punches.Afd;

public sealed class AfdWriterTests
{
    private static readonly TimeSpan Brasilia = TimeSpan.FromHours(-3);

    [Fact]
    public async Task Small_file_with_every_record_type_matches_the_golden_lines()
    {
        var first = new DateTimeOffset(2026, 11, 2, 8, 0, 15, Brasilia);
        var firstHash = PunchHash.Compute(4, first, "52998224725", first, AfdCollector.Browser, false, null);
        var second = new DateTimeOffset(2026, 11, 2, 12, 1, 0, Brasilia);
        var secondHash = PunchHash.Compute(5, second, "52998224725", second.AddMinutes(2), AfdCollector.Device, true, firstHash);
        AfdEntry[] entries =
        [
            new AfdEmployerEntry(1, new DateTimeOffset(2026, 11, 1, 8, 30, 0, Brasilia), "111.444.777-35", AfdDocumentType.Cnpj, "12.345.678/0001-95", null,
                "Padaria São João Ltda", "Rua das Flores, 10 - Pinheiros"),
            new AfdEmployeeEntry(2, new DateTimeOffset(2026, 11, 1, 9, 0, 0, Brasilia), AfdEmployeeOperation.Include, "529.982.247-25", "Ana Conceição", "111.444.777-35"),
            new AfdEventEntry(3, new DateTimeOffset(2026, 11, 1, 9, 5, 0, Brasilia), AfdEventCode.ServiceAvailable),
            new AfdPunchEntry(4, first, "52998224725", first, AfdCollector.Browser, false, firstHash),
            new AfdPunchEntry(5, second, "52998224725", second.AddMinutes(2), AfdCollector.Device, true, secondHash),
        ];

        using var output = new MemoryStream();
        await AfdWriter.WriteAsync(output, AfdRecordsTests.Header(), entries.ToAsyncEnumerable(), CancellationToken.None);

        // Independently computed (Python: CRC-16/KERMIT over the Latin-1 bytes, hashlib.sha256).
        string[] golden =
        [
            "000000000" + "1" + "1" + "12345678000195" + new string(' ', 14) + "Padaria São João Ltda".PadRight(150)
                + "00005120210001230" + "2026-11-01" + "2026-11-30" + "2026-11-30T18:05:00-0300" + "003" + "1"
                + "11222333000181" + new string(' ', 30) + "3755",
            "000000001" + "2" + "2026-11-01T08:30:00-0300" + "00011144477735" + "1" + "12345678000195" + new string(' ', 14)
                + "Padaria São João Ltda".PadRight(150) + "Rua das Flores, 10 - Pinheiros".PadRight(100) + "8AFA",
            "000000002" + "5" + "2026-11-01T09:00:00-0300" + "I" + "052998224725" + "Ana Conceição".PadRight(52) + "    " + "11144477735" + "518D",
            "000000003" + "6" + "2026-11-01T09:05:00-0300" + "07",
            "000000004" + "7" + "2026-11-02T08:00:00-0300" + "052998224725" + "2026-11-02T08:00:00-0300" + "02" + "0"
                + "06f6b1ced8cfcc3f9822881d19477f60c261c6107ebcaf64ac182a94e07fc20f",
            "000000005" + "7" + "2026-11-02T12:01:00-0300" + "052998224725" + "2026-11-02T12:03:00-0300" + "04" + "1"
                + "eed9dfad7bddc29f197d9e71c35a8d8cef002f2a85e4816285d2eeedfc8433ef",
            "999999999" + "000000001" + "000000000" + "000000000" + "000000001" + "000000001" + "000000002" + "9",
            "ASSINATURA_DIGITAL_EM_ARQUIVO_P7S".PadRight(100),
        ];
        var bytes = output.ToArray();
        Assert.Equal(Encoding.Latin1.GetBytes(string.Concat(golden.Select(l => l + "\r\n"))), bytes);
        var lines = Encoding.Latin1.GetString(bytes).Split("\r\n");
        for (var i = 0; i < golden.Length; i++)
        {
            Assert.Equal(golden[i], lines[i]);
        }

        Assert.Equal(0xE3, bytes[39 + "Padaria S".Length]); // 'ã' is one ISO-8859-1 byte, not UTF-8's two
        Assert.True((await AfdVerifier.CheckAsync(new MemoryStream(bytes), null, CancellationToken.None)).IsValid);
    }

    [Fact]
    public async Task Entries_out_of_NSR_order_are_refused()
    {
        var at = DateTimeOffset.UnixEpoch;
        AfdEntry[] entries =
        [
            new AfdPunchEntry(2, at, "52998224725", at, 1, false, new string('a', 64)),
            new AfdPunchEntry(2, at, "52998224725", at, 1, false, new string('a', 64)),
        ];
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            AfdWriter.WriteAsync(Stream.Null, AfdRecordsTests.Header(), entries.ToAsyncEnumerable(), CancellationToken.None));
    }

    [Fact]
    public async Task A_million_punches_stream_without_memory_growing_with_the_file()
    {
        const int count = 1_000_000;
        // Everything completes synchronously (the stream and the source never wait), so the whole write runs on
        // this thread and the thread's allocation counter sees all of it.
        var sourceOnly = GC.GetAllocatedBytesForCurrentThread();
        await foreach (var _ in Punches(count))
        {
        }

        sourceOnly = GC.GetAllocatedBytesForCurrentThread() - sourceOnly;

        var output = new CountingStream();
        var before = GC.GetAllocatedBytesForCurrentThread();
        await AfdWriter.WriteAsync(output, AfdRecordsTests.Header(), Punches(count), CancellationToken.None);
        var writerAllocated = GC.GetAllocatedBytesForCurrentThread() - before - sourceOnly;

        Assert.Equal(304L + (count * 139L) + 66 + 102, output.Length);
        Assert.Equal(count, output.Lines);
        // The file is ~139 MB; the writer's own allocations must not grow with it (buffers only).
        Assert.True(writerAllocated < 1_000_000, $"The writer allocated {writerAllocated:N0} bytes for a {output.Length:N0}-byte file.");
    }

    private static async IAsyncEnumerable<AfdEntry> Punches(int count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var at = new DateTimeOffset(2026, 11, 2, 8, 0, 0, Brasilia);
        var hash = new string('f', 64);
        for (var nsr = 1; nsr <= count; nsr++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new AfdPunchEntry(nsr, at, "52998224725", at, AfdCollector.Device, false, hash);
        }

        await Task.CompletedTask;
    }

    /// <summary>Counts bytes and CRLF-terminated lines of a type 7 record's width; keeps nothing.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public long Lines { get; private set; }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            foreach (var b in buffer)
            {
                if (b == '\n')
                {
                    Lines += _lineLength == 138 ? 1 : 0; // 137 characters and the CR
                    _lineLength = 0;
                }
                else
                {
                    _lineLength++;
                }
            }

            _length += buffer.Length;
        }

        private int _lineLength;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer.AsSpan(offset, count));
            return Task.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}

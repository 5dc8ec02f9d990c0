using System.Buffers;
using System.Text;

namespace Sluice.Punches.Afd;

/// <summary>
/// Streams an AFD: header, the entries in NSR order, trailer, signature line. One line at a time goes
/// through a reused buffer into a buffered ISO-8859-1 writer, so memory does not grow with the file: a
/// million punches stream as easily as ten.
/// </summary>
internal static class AfdWriter
{
    public const string ContentType = "text/plain; charset=iso-8859-1";
    private const int BufferSize = 64 * 1024;
    private static readonly Encoding Latin1 = Encoding.Latin1;

    /// <summary>Writes the whole file to <paramref name="output"/> (left open) and flushes it.</summary>
    /// <exception cref="InvalidOperationException">The entries are not in strictly increasing NSR order.</exception>
    public static async Task WriteAsync(
        Stream output, AfdHeader header, IAsyncEnumerable<AfdEntry> entriesInNsrOrder, CancellationToken cancellationToken)
    {
        var line = ArrayPool<char>.Shared.Rent(AfdRecords.MaxLength + 2);
        try
        {
            await using var writer = new StreamWriter(output, Latin1, BufferSize, leaveOpen: true);
            await WriteLineAsync(writer, line, AfdRecords.WriteHeader(header, line), cancellationToken);

            var counts = new long[10];
            long lastNsr = 0;
            await foreach (var entry in entriesInNsrOrder.WithCancellation(cancellationToken))
            {
                if (entry.Nsr <= lastNsr)
                {
                    // A file out of order is not an AFD; better a broken download than a wrong legal record.
                    throw new InvalidOperationException($"AFD entries must come in increasing NSR order: {entry.Nsr} after {lastNsr}.");
                }

                lastNsr = entry.Nsr;
                var (length, type) = entry switch
                {
                    AfdPunchEntry punch => (AfdRecords.WritePunch(punch, line), 7),
                    AfdEmployeeEntry employee => (AfdRecords.WriteEmployee(employee, line), 5),
                    AfdEmployerEntry employer => (AfdRecords.WriteEmployer(employer, line), 2),
                    AfdEventEntry serviceEvent => (AfdRecords.WriteEvent(serviceEvent, line), 6),
                    _ => throw new NotSupportedException($"No AFD record for {entry.GetType().Name}."),
                };
                counts[type]++;
                await WriteLineAsync(writer, line, length, cancellationToken);
            }

            await WriteLineAsync(writer, line, AfdRecords.WriteTrailer(AfdRecordCounts.ByType(counts), line), cancellationToken);
            await WriteLineAsync(writer, line, AfdRecords.WriteSignature(line), cancellationToken);
            await writer.FlushAsync(cancellationToken);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(line);
        }
    }

    private static Task WriteLineAsync(StreamWriter writer, char[] line, int length, CancellationToken cancellationToken)
    {
        line[length] = '\r';
        line[length + 1] = '\n';
        // Completes synchronously unless the 64 KiB buffer is full, so the per-line cost stays small.
        return writer.WriteAsync(line.AsMemory(0, length + 2), cancellationToken);
    }
}

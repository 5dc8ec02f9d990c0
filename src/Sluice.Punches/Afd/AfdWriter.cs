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

            long type2 = 0, type5 = 0, type6 = 0, type7 = 0, lastNsr = 0;
            await foreach (var entry in entriesInNsrOrder.WithCancellation(cancellationToken))
            {
                if (entry.Nsr <= lastNsr)
                {
                    // A file out of order is not an AFD; better a broken download than a wrong legal record.
                    throw new InvalidOperationException($"AFD entries must come in increasing NSR order: {entry.Nsr} after {lastNsr}.");
                }

                lastNsr = entry.Nsr;
                int length;
                switch (entry)
                {
                    case AfdPunchEntry punch:
                        length = AfdRecords.WritePunch(punch, line);
                        type7++;
                        break;
                    case AfdEmployeeEntry employee:
                        length = AfdRecords.WriteEmployee(employee, line);
                        type5++;
                        break;
                    case AfdEmployerEntry employer:
                        length = AfdRecords.WriteEmployer(employer, line);
                        type2++;
                        break;
                    case AfdEventEntry serviceEvent:
                        length = AfdRecords.WriteEvent(serviceEvent, line);
                        type6++;
                        break;
                    default:
                        throw new NotSupportedException($"No AFD record for {entry.GetType().Name}.");
                }

                await WriteLineAsync(writer, line, length, cancellationToken);
            }

            var counts = AfdRecordCounts.None with { Type2 = type2, Type5 = type5, Type6 = type6, Type7 = type7 };
            await WriteLineAsync(writer, line, AfdRecords.WriteTrailer(counts, line), cancellationToken);
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

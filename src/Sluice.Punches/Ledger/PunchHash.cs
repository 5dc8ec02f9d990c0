using System.Security.Cryptography;
using Sluice.Punches.Afd;

namespace Sluice.Punches.Ledger;

/// <summary>
/// The SHA-256 of a punch record, chaining each punch to the one before it in the establishment's ledger.
/// </summary>
/// <remarks>
/// Portaria 671, Anexo V, after the type 7 layout: "seu cálculo será feito com base nos dados abaixo: 1. NSR (campo nº 1);
/// [...] 7. informação se a marcação foi on-line ou off-line (campo nº 7); e 8. código hash (SHA-256) do registro
/// anterior, caso exista." It lists the inputs, not their bytes nor the hex case. The reading chosen, kept here and
/// nowhere else (an independent reader that appends 64 spaces for the first punch and uses upper case disagrees: see
/// the README's "The AFD read by readers written by others"):
/// <list type="bullet">
/// <item>input = the 73 characters of fields 1–7 exactly as the AFD line writes them (NSR, "7", punch DH,
/// CPF, recording DH, collector, offline flag; see <see cref="AfdRecords.WritePunchHashed"/>), followed by
/// the previous punch's hash as stored (64 lower-case hex characters), all encoded as ASCII;</item>
/// <item>for the first punch of an establishment there is no previous hash ("caso exista"): nothing is appended
/// (<c>previousHash</c> null or empty);</item>
/// <item>output = 64 lower-case hex characters, which is also what the AFD's field 8 carries.</item>
/// </list>
/// Because the input is the AFD text, anyone holding the AFD can recompute the chain line by line.
/// </remarks>
internal static class PunchHash
{
    public const int HexLength = 64;

    public static string Compute(
        long nsr, DateTimeOffset punchedAt, string cpf, DateTimeOffset recordedAt, int collector, bool offline, string? previousHash)
    {
        Span<char> fields = stackalloc char[AfdRecords.PunchHashedLength];
        AfdRecords.WritePunchHashed(nsr, punchedAt, cpf, recordedAt, collector, offline, fields);
        return FromFields(fields, previousHash);
    }

    /// <summary>The hash from fields 1–7 as written in an AFD line (its first 73 characters): how a file is checked.</summary>
    public static string FromFields(ReadOnlySpan<char> fields1To7, string? previousHash)
    {
        var previous = previousHash ?? string.Empty;
        if (previous.Length is not (0 or HexLength) || !previous.All(char.IsAsciiHexDigit))
        {
            throw new ArgumentException($"The previous hash must be {HexLength} hex characters.", nameof(previousHash));
        }

        if (fields1To7.Length != AfdRecords.PunchHashedLength || fields1To7.ContainsAnyExceptInRange(' ', '~'))
        {
            throw new ArgumentException($"Fields 1-7 are {AfdRecords.PunchHashedLength} ASCII characters.", nameof(fields1To7));
        }

        Span<byte> bytes = stackalloc byte[fields1To7.Length + previous.Length];
        for (var i = 0; i < fields1To7.Length; i++)
        {
            bytes[i] = (byte)fields1To7[i];
        }

        for (var i = 0; i < previous.Length; i++)
        {
            bytes[fields1To7.Length + i] = (byte)previous[i];
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes, hash);
        return Convert.ToHexStringLower(hash);
    }
}

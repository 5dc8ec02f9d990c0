namespace Sluice.Punches.Afd;

/// <summary>
/// CRC-16/KERMIT (poly 0x1021 reflected as 0x8408, init 0, no final xor; check value of "123456789" is 0x2189),
/// written as 4 upper-case hex digits, most significant first ("2189").
/// </summary>
/// <remarks>
/// Portaria 671, Anexo V, item 8: "Para os registros dos tipos "1" a "5" deve ser gravado o Código de Verificação de
/// Redundância, utilizando o CRC-16 (Cyclic Redundancy Check) do registro. OBS: Para o AFD gerado pelo REP-A ou pelo
/// REP-P, deve ser utilizado o padrão CRC-16 CCITT-TRUE (CRC-16/KERMIT)." "Do registro" does not say which bytes; the
/// reading kept here and nowhere else: every ISO-8859-1 byte of that record before the CRC field itself (positions 1
/// up to length − 4), nothing of other records. An independent reader (see the README) computes the same. Type 6 and 7
/// have no CRC field.
/// </remarks>
internal static class AfdCrc
{
    public const int Width = 4;

    /// <summary>The part of a record (without its CRC) the CRC covers.</summary>
    public static ReadOnlySpan<char> Covered(ReadOnlySpan<char> recordBeforeCrc) => recordBeforeCrc;

    /// <summary>CRC over Latin-1 characters (each char is one byte; callers pass already-sanitized text).</summary>
    public static ushort Compute(ReadOnlySpan<char> latin1)
    {
        ushort crc = 0;
        foreach (var c in latin1)
        {
            crc ^= (byte)c;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (ushort)((crc >> 1) ^ 0x8408) : (ushort)(crc >> 1);
            }
        }

        return crc;
    }

    /// <summary>CRC over raw bytes.</summary>
    public static ushort Compute(ReadOnlySpan<byte> bytes)
    {
        ushort crc = 0;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (ushort)((crc >> 1) ^ 0x8408) : (ushort)(crc >> 1);
            }
        }

        return crc;
    }

    /// <summary>Writes the CRC of <paramref name="recordBeforeCrc"/> as 4 hex digits into <paramref name="destination"/>.</summary>
    public static void Write(ReadOnlySpan<char> recordBeforeCrc, Span<char> destination)
    {
        var crc = Compute(Covered(recordBeforeCrc));
        crc.TryFormat(destination, out _, "X4", System.Globalization.CultureInfo.InvariantCulture);
    }
}

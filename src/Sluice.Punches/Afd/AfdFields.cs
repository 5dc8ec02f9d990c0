namespace Sluice.Punches.Afd;

/// <summary>
/// Writes AFD fields into a fixed-width line, left to right. Field rules, in one place:
/// numeric fields are right-aligned and zero-padded and never truncated (a value too long is a bug, so it
/// throws); alphanumeric fields are Latin-1 (see <see cref="AfdText"/>), left-aligned, space-padded and
/// truncated; an absent optional field is all spaces.
/// </summary>
internal ref struct AfdFields
{
    private readonly Span<char> _line;
    private int _position;

    public AfdFields(Span<char> line)
    {
        _line = line;
        _position = 0;
    }

    public readonly int Position => _position;

    public readonly ReadOnlySpan<char> Written => _line[.._position];

    /// <summary>A non-negative number, zero-padded to <paramref name="width"/>.</summary>
    public void Number(long value, int width, string field)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value, field);
        var target = Next(width);
        var rest = value;
        for (var i = width - 1; i >= 0; i--)
        {
            target[i] = (char)('0' + (rest % 10));
            rest /= 10;
        }

        if (rest != 0)
        {
            throw new ArgumentOutOfRangeException(field, value, $"Does not fit in {width} digits.");
        }
    }

    /// <summary>
    /// A document number (CPF, CNPJ, CNO, CAEPF): digits kept, '.', '-', '/' and spaces dropped, zero-padded.
    /// A blank one (no CNO/CAEPF; a responsible CPF on a record written before one was required) is written as
    /// spaces: the file still streams, and the gap is visible in it rather than failing the whole download.
    /// </summary>
    public void Digits(string? value, int width, string field)
    {
        var target = Next(width);
        if (string.IsNullOrWhiteSpace(value))
        {
            target.Fill(' ');
            return;
        }

        Span<char> digits = stackalloc char[value.Length];
        var count = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                digits[count++] = c;
            }
            else if (c is not ('.' or '-' or '/' or ' '))
            {
                throw new ArgumentException($"'{value}' is not a number.", field);
            }
        }

        if (count == 0 || count > width)
        {
            throw new ArgumentException($"'{value}' does not fit in {width} digits.", field);
        }

        target[..(width - count)].Fill('0');
        digits[..count].CopyTo(target[(width - count)..]);
    }

    /// <summary>Free text: Latin-1, left-aligned, space-padded, truncated.</summary>
    public void Text(string? value, int width)
    {
        var target = Next(width);
        var written = value is null ? 0 : AfdText.Write(value.AsSpan().Trim(), target);
        target[written..].Fill(' ');
    }

    /// <summary>Fixed characters (record type, constant fields).</summary>
    public void Literal(scoped ReadOnlySpan<char> value) => value.CopyTo(Next(value.Length));

    public void Literal(char value) => Next(1)[0] = value;

    public void Spaces(int width) => Next(width).Fill(' ');

    /// <summary><c>D</c>: <c>AAAA-MM-dd</c>.</summary>
    public void Date(DateOnly value) => AfdTimeFormat.WriteDate(value, Next(AfdTimeFormat.DateWidth));

    /// <summary><c>DH</c>: <c>AAAA-MM-ddThh:mm:00ZZZZZ</c>.</summary>
    public void DateTime(DateTimeOffset value) => AfdTimeFormat.WriteDateTime(value, Next(AfdTimeFormat.DateTimeWidth));

    /// <summary>The CRC-16/KERMIT of everything written so far (see <see cref="AfdCrc"/>).</summary>
    public void Crc()
    {
        var before = _line[.._position];
        AfdCrc.Write(before, Next(AfdCrc.Width));
    }

    private Span<char> Next(int width)
    {
        var target = _line.Slice(_position, width);
        _position += width;
        return target;
    }
}

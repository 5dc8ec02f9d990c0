namespace Sluice.Punches.Afd;

/// <summary>
/// Formats each AFD record into a caller's buffer (no allocation per line: the writer reuses one buffer for
/// a million lines) or, for tests and one-offs, into a string. Widths and positions follow Portaria 671's Anexo V
/// (types 1, 2, 5, 6, 7, 9 and the signature line); lines carry no CRLF here, the writer adds it.
/// </summary>
internal static class AfdRecords
{
    public const int HeaderLength = 302;
    public const int EmployerLength = 331;
    public const int EmployeeLength = 118;
    public const int EventLength = 36;
    public const int PunchLength = 137;
    public const int TrailerLength = 64;
    public const int SignatureLength = 100;

    /// <summary>Type 7 fields 1–7 (NSR up to the offline flag): what <c>PunchHash</c> hashes.</summary>
    public const int PunchHashedLength = 73;

    /// <summary>The longest record: a buffer this long holds any line.</summary>
    public const int MaxLength = EmployerLength;

    public const string SignatureText = "ASSINATURA_DIGITAL_EM_ARQUIVO_P7S";
    private const int LayoutVersion = 3;
    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    public static int WriteHeader(AfdHeader header, Span<char> line)
    {
        if (header.To < header.From)
        {
            throw new ArgumentException($"The period ends ({header.To}) before it starts ({header.From}).", nameof(header));
        }

        if (string.IsNullOrWhiteSpace(header.DeveloperDocument) || string.IsNullOrWhiteSpace(header.Inpi))
        {
            // A header naming no developer or no registration is rejected by readers: refuse it here rather than write it.
            throw new ArgumentException("The header needs the INPI number and the developer's CNPJ/CPF.", nameof(header));
        }

        var fields = new AfdFields(line);
        fields.Number(0, 9, "nsr");
        fields.Literal("1");
        fields.Number((int)header.EmployerDocumentType, 1, nameof(header.EmployerDocumentType));
        fields.Digits(header.EmployerDocument, 14, nameof(header.EmployerDocument));
        fields.Digits(header.CnoOrCaepf, 14, nameof(header.CnoOrCaepf));
        fields.Text(header.LegalName, 150);
        fields.Digits(header.Inpi, 17, nameof(header.Inpi));
        fields.Date(header.From);
        fields.Date(header.To);
        fields.DateTime(header.GeneratedAt);
        fields.Number(LayoutVersion, 3, "layout");
        fields.Number((int)header.DeveloperDocumentType, 1, nameof(header.DeveloperDocumentType));
        fields.Digits(header.DeveloperDocument, 14, nameof(header.DeveloperDocument));
        fields.Spaces(30); // device model: REP-C only
        fields.Crc();
        return fields.Position;
    }

    public static int WriteEmployer(AfdEmployerEntry entry, Span<char> line)
    {
        var fields = new AfdFields(line);
        fields.Number(entry.Nsr, 9, nameof(entry.Nsr));
        fields.Literal("2");
        fields.DateTime(entry.At);
        fields.Digits(entry.ResponsibleCpf, 14, nameof(entry.ResponsibleCpf));
        fields.Number((int)entry.DocumentType, 1, nameof(entry.DocumentType));
        fields.Digits(entry.Document, 14, nameof(entry.Document));
        fields.Digits(entry.CnoOrCaepf, 14, nameof(entry.CnoOrCaepf));
        fields.Text(entry.LegalName, 150);
        fields.Text(entry.Place, 100);
        fields.Crc();
        return fields.Position;
    }

    /// <summary>Type 6 has no CRC: its layout is NSR, type, time and event code, 36 characters (Anexo V).</summary>
    public static int WriteEvent(AfdEventEntry entry, Span<char> line)
    {
        if (!AfdEventCode.IsValid(entry.Code))
        {
            throw new ArgumentOutOfRangeException(nameof(entry), entry.Code, "An event code is two digits.");
        }

        var fields = new AfdFields(line);
        fields.Number(entry.Nsr, 9, nameof(entry.Nsr));
        fields.Literal("6");
        fields.DateTime(entry.At);
        fields.Literal(entry.Code);
        return fields.Position;
    }

    public static int WriteEmployee(AfdEmployeeEntry entry, Span<char> line)
    {
        if (!Enum.IsDefined(entry.Operation))
        {
            throw new ArgumentOutOfRangeException(nameof(entry), entry.Operation, "Operation must be I, A or E.");
        }

        var fields = new AfdFields(line);
        fields.Number(entry.Nsr, 9, nameof(entry.Nsr));
        fields.Literal("5");
        fields.DateTime(entry.At);
        fields.Literal((char)entry.Operation);
        fields.Digits(entry.Cpf, 12, nameof(entry.Cpf));
        fields.Text(entry.Name, 52);
        fields.Spaces(4); // "demais dados": nothing Sluice keeps goes here
        fields.Digits(entry.ResponsibleCpf, 11, nameof(entry.ResponsibleCpf));
        fields.Crc();
        return fields.Position;
    }

    public static int WritePunch(AfdPunchEntry entry, Span<char> line)
    {
        var fields = new AfdFields(line);
        WritePunchHashed(entry.Nsr, entry.PunchedAt, entry.Cpf, entry.RecordedAt, entry.Collector, entry.Offline, ref fields);
        if (entry.Hash is not { Length: 64 } || entry.Hash.AsSpan().ContainsAnyExcept(HexDigits))
        {
            throw new ArgumentException($"NSR {entry.Nsr}: the hash must be 64 hex characters.", nameof(entry));
        }

        fields.Literal(entry.Hash);
        return fields.Position;
    }

    /// <summary>Type 7 fields 1–7, exactly as they appear in the line; shared with the hash chain.</summary>
    public static int WritePunchHashed(
        long nsr, DateTimeOffset punchedAt, string cpf, DateTimeOffset recordedAt, int collector, bool offline, Span<char> line)
    {
        var fields = new AfdFields(line);
        WritePunchHashed(nsr, punchedAt, cpf, recordedAt, collector, offline, ref fields);
        return fields.Position;
    }

    public static int WriteTrailer(AfdRecordCounts counts, Span<char> line)
    {
        var fields = new AfdFields(line);
        fields.Literal("999999999");
        fields.Number(counts.Type2, 9, "type2");
        fields.Number(counts.Type3, 9, "type3");
        fields.Number(counts.Type4, 9, "type4");
        fields.Number(counts.Type5, 9, "type5");
        fields.Number(counts.Type6, 9, "type6");
        fields.Number(counts.Type7, 9, "type7");
        fields.Literal("9");
        return fields.Position;
    }

    public static int WriteSignature(Span<char> line)
    {
        var fields = new AfdFields(line);
        fields.Text(SignatureText, SignatureLength);
        return fields.Position;
    }

    public static string Header(AfdHeader header) => Format(header, WriteHeader);

    public static string Employer(AfdEmployerEntry entry) => Format(entry, WriteEmployer);

    public static string Employee(AfdEmployeeEntry entry) => Format(entry, WriteEmployee);

    public static string Event(AfdEventEntry entry) => Format(entry, WriteEvent);

    public static string Punch(AfdPunchEntry entry) => Format(entry, WritePunch);

    public static string Trailer(AfdRecordCounts counts) => Format(counts, WriteTrailer);

    public static string Signature() => Format(0, static (_, line) => WriteSignature(line));

    private static void WritePunchHashed(
        long nsr, DateTimeOffset punchedAt, string cpf, DateTimeOffset recordedAt, int collector, bool offline, ref AfdFields fields)
    {
        if (!AfdCollector.IsValid(collector))
        {
            throw new ArgumentOutOfRangeException(nameof(collector), collector, "Collector must be 1..5.");
        }

        fields.Number(nsr, 9, nameof(nsr));
        fields.Literal("7");
        fields.DateTime(punchedAt);
        fields.Digits(cpf, 12, nameof(cpf));
        fields.DateTime(recordedAt);
        fields.Number(collector, 2, nameof(collector));
        fields.Literal(offline ? '1' : '0');
    }

    private delegate int LineWriter<in T>(T value, Span<char> line);

    private static string Format<T>(T value, LineWriter<T> write)
    {
        Span<char> line = stackalloc char[MaxLength];
        var length = write(value, line);
        return new string(line[..length]);
    }
}

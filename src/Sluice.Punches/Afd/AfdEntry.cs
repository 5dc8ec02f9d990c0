namespace Sluice.Punches.Afd;

/// <summary>One record of the AFD body, identified by its NSR (the establishment's gap-free sequence).</summary>
internal abstract record AfdEntry(long Nsr);

/// <summary>A type 7 record: a punch taken by the REP-P.</summary>
/// <param name="Nsr">The record's NSR.</param>
/// <param name="PunchedAt">When the worker punched, with the establishment's offset (as the ledger stored it and hashed it).</param>
/// <param name="Cpf">Worker CPF (11 digits; punctuation allowed).</param>
/// <param name="RecordedAt">When the REP-P recorded it, with the establishment's offset.</param>
/// <param name="Collector">Collector code 1..5, see <see cref="AfdCollector"/>.</param>
/// <param name="Offline">Whether the collector was offline when the worker punched.</param>
/// <param name="Hash">The record's SHA-256 as 64 hex characters (see <c>Ledger.PunchHash</c>).</param>
internal sealed record AfdPunchEntry(
    long Nsr,
    DateTimeOffset PunchedAt,
    string Cpf,
    DateTimeOffset RecordedAt,
    int Collector,
    bool Offline,
    string Hash) : AfdEntry(Nsr);

/// <summary>A type 5 record: an employee included, altered or excluded.</summary>
/// <param name="Nsr">The record's NSR.</param>
/// <param name="At">When the change was recorded.</param>
/// <param name="Operation">Include, alter or exclude.</param>
/// <param name="Cpf">The employee's CPF.</param>
/// <param name="Name">The employee's name (truncated to 52 characters).</param>
/// <param name="ResponsibleCpf">CPF of whoever made the change.</param>
internal sealed record AfdEmployeeEntry(
    long Nsr,
    DateTimeOffset At,
    AfdEmployeeOperation Operation,
    string Cpf,
    string Name,
    string ResponsibleCpf) : AfdEntry(Nsr);

/// <summary>A type 2 record: the employer included or changed (Portaria 671, Anexo V).</summary>
/// <param name="Nsr">The record's NSR.</param>
/// <param name="At">When the change was recorded, in the establishment's zone.</param>
/// <param name="ResponsibleCpf">CPF of whoever made the change.</param>
/// <param name="DocumentType">Whether <paramref name="Document"/> is a CNPJ or a CPF.</param>
/// <param name="Document">The employer's CNPJ or CPF.</param>
/// <param name="CnoOrCaepf">CNO or CAEPF, when there is one.</param>
/// <param name="LegalName">Razão social or name (truncated to 150 characters).</param>
/// <param name="Place">Local de prestação de serviços, when recorded (truncated to 100 characters).</param>
internal sealed record AfdEmployerEntry(
    long Nsr,
    DateTimeOffset At,
    string ResponsibleCpf,
    AfdDocumentType DocumentType,
    string Document,
    string? CnoOrCaepf,
    string LegalName,
    string? Place) : AfdEntry(Nsr);

/// <summary>A type 6 record: an event of the REP (see <see cref="AfdEventCode"/>).</summary>
internal sealed record AfdEventEntry(long Nsr, DateTimeOffset At, string Code) : AfdEntry(Nsr);

/// <summary>Type 6 field 4: the event codes a REP-P writes.</summary>
/// <remarks>
/// Portaria 671, Anexo V, type 6 "tipo de evento": "01" opening of the REP-C, "02" power return, "03" to "06" events of
/// a device (USB, printer, battery), "07" service available and "08" service unavailable (REP-P). For a REP-P, which has
/// no case to open nor power of its own, Sluice reads "02" as the return after a stop it did not get to record (the
/// process or the machine died), "07" as a node starting to serve and "08" as a node stopping in good order.
/// </remarks>
internal static class AfdEventCode
{
    public const string PowerReturn = "02";
    public const string ServiceAvailable = "07";
    public const string ServiceUnavailable = "08";

    public static bool IsValid(string code) => code is { Length: 2 } && char.IsAsciiDigit(code[0]) && char.IsAsciiDigit(code[1]);
}

/// <summary>Type 5 operation, written as its letter.</summary>
internal enum AfdEmployeeOperation
{
    Include = 'I',
    Alter = 'A',
    Exclude = 'E',
}

/// <summary>Type 7 field 6: the kind of collector that took the punch.</summary>
internal static class AfdCollector
{
    public const int MobileApp = 1;
    public const int Browser = 2;
    public const int DesktopApp = 3;
    public const int Device = 4;
    public const int Other = 5;

    public static bool IsValid(int code) => code is >= MobileApp and <= Other;

    /// <summary>The code for an intake collector kind (<c>app</c>, <c>browser</c>, <c>desktop</c>, <c>device</c>, <c>other</c>; case-insensitive).</summary>
    public static int FromKind(string? kind) => kind?.ToLowerInvariant() switch
    {
        "app" or "mobile" or "mobileapp" => MobileApp,
        "browser" or "web" => Browser,
        "desktop" or "desktopapp" => DesktopApp,
        "device" => Device,
        _ => Other,
    };
}

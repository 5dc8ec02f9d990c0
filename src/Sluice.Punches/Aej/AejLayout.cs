namespace Sluice.Punches.Aej;

/// <summary>
/// The Arquivo Eletrônico de Jornada (Portaria 671, Art. 83–84 and its annex), as the Ministry's layout PDF defines it:
/// "leiaute-do-arquivo-eletronico-de-jornada-aej.pdf" on gov.br (trabalho-e-emprego, inspeção do trabalho). The rules,
/// in one place:
/// <list type="bullet">
/// <item>Text in ISO-8859-1, one record per line, each line ending in CR LF, no blank lines.</item>
/// <item>Fields are separated by <c>|</c>; the last field of a record has none after it. Field sizes are content lengths
/// (ranges such as "1 a 150"); fixed sizes (CPF 11, <c>nrRep</c> 17, <c>seqEntSaida</c> 3, H 4) are written in full, numbers
/// zero-padded.</item>
/// <item>Types: N numeric, A alphanumeric, H <c>hhmm</c>, D <c>AAAA-MM-dd</c>, DH <c>AAAA-MM-ddThh:mm:00ZZZZZ</c> (as the AFD).</item>
/// <item>Records in this order: 01 header; 02 REPs used; 03 employment links ("vínculos"); 04 contractual schedules;
/// 05 markings; 06 eSocial registration (only for employees with more than one link in the file); 07 absences and hour
/// bank (when there are any); 08 the treatment program (PTRP); 99 trailer with the count of each type 01 to 08; then the
/// line <c>ASSINATURA_DIGITAL_EM_ARQUIVO_P7S</c> padded with spaces to 100 characters (the AFD's own signature line,
/// <see cref="Afd.AfdRecords.Signature"/>), the signature itself being the detached CAdES <c>.p7s</c>.</item>
/// <item>Type 05's <c>codHorContratual</c> is required on the first entry of a journey (<c>tpMarc</c> E, <c>seqEntSaida</c> 1),
/// and <c>motivo</c> when the marking is disregarded (D) or included (I).</item>
/// </list>
/// Decisions the layout leaves open, made here: type 06 never appears (one establishment holds one link per CPF); type 07
/// is not written (Sluice keeps no absences or hour bank); a disregarded marking carries the pair number of the journey it
/// fell in; the CNO/CAEPF of the registry is a CNO when it has 12 digits and a CAEPF otherwise.
/// </summary>
internal static class AejLayout
{
    public const char Delimiter = '|';
    public const string Version = "001";
    public const string ContentType = "text/plain; charset=iso-8859-1";

    /// <summary>The AEJ's own code for a REP-P in type 02's <c>tpRep</c>.</summary>
    public const string RepP = "3";

    /// <summary>The one REP this Sluice is, referenced by type 05's <c>idRepAej</c>.</summary>
    public const string RepId = "1";

    public const int MaxNameLength = 150;
    public const int MaxScheduleCodeLength = 30;
    public const int MaxReasonLength = 150;
    public const int MaxProgramVersionLength = 8;
    public const int MaxEmailLength = 50;
}

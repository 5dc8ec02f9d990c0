namespace Sluice.Punches.Ledger;

/// <summary>
/// A punch on its way into the ledger, handed to <see cref="PunchLedger"/> as the message's context. Intake fills
/// the punch; the ledger fills <see cref="Nsr"/> and <see cref="Hash"/> inside the append transaction, so once
/// the commit completes intake can put them on the 202 receipt without another read.
/// </summary>
internal sealed class PunchDraft
{
    public required Guid EstablishmentId { get; init; }

    public required Guid EmployeeId { get; init; }

    public required string EmployeeCode { get; init; }

    public required string Cpf { get; init; }

    public required DateTimeOffset PunchedAt { get; init; }

    /// <summary>The server's recording time: the message's receive time.</summary>
    public required DateTimeOffset RecordedAt { get; init; }

    public required PunchCollector Collector { get; init; }

    public required bool Offline { get; init; }

    public string? DeviceId { get; init; }

    /// <summary>Assigned at commit.</summary>
    public long Nsr { get; set; }

    /// <summary>Assigned at commit: SHA-256 hex of this record chained to the previous punch's.</summary>
    public string? Hash { get; set; }
}

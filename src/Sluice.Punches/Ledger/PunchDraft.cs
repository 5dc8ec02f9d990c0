namespace Sluice.Punches.Ledger;

/// <summary>
/// A checked punch on its way into the ledger, handed to <see cref="PunchLedger"/> as the message's context.
/// Read-only: the ledger answers with <see cref="PunchNumbers"/> on the append result.
/// </summary>
internal sealed record PunchDraft
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
}

/// <summary>What the ledger assigns a punch inside the commit: its NSR and its SHA-256 link to the punch before it.</summary>
public sealed record PunchNumbers(long Nsr, string Hash);

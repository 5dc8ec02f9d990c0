namespace Sluice.Journal;

/// <summary>
/// The durable store behind every promise Sluice makes: a message is acknowledged only after
/// <see cref="AppendAsync"/> has committed it, and stays until each destination has it or an
/// operator has discarded it.
/// </summary>
/// <remarks>
/// Times are passed in by the caller rather than read from a clock here, so the delivery engine's
/// <see cref="TimeProvider"/> governs leases and retries and tests can drive them.
/// </remarks>
public interface IJournal
{
    /// <summary>Creates or upgrades the schema. Safe to call from several nodes at once.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Commits a batch in one transaction; results are in the batch's order.</summary>
    Task<IReadOnlyList<AppendResult>> AppendAsync(IReadOnlyList<NewMessage> batch, CancellationToken cancellationToken);

    /// <summary>Leases due deliveries (pending and due, or in flight with an expired lease), oldest first.</summary>
    /// <remarks>Of the deliveries sharing an ordering key only the oldest unfinished one is ever eligible.</remarks>
    Task<IReadOnlyList<LeasedDelivery>> LeaseAsync(LeaseRequest request, CancellationToken cancellationToken);

    /// <summary>Records outcomes in one transaction. An outcome for a lease that is no longer held is ignored,
    /// except <see cref="OutcomeKind.Delivered"/>, which is always kept: the destination has the message.</summary>
    /// <remarks>
    /// The <see cref="DeliveryOutcome.FollowUps"/> of each outcome that finishes its delivery are appended in that same
    /// transaction, as <see cref="AppendAsync"/> would (idempotency claims honoured): they exist exactly when it committed.
    /// </remarks>
    Task CompleteAsync(IReadOnlyList<DeliveryOutcome> outcomes, CancellationToken cancellationToken);

    Task<MessageRecord?> GetMessageAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>
    /// The deliveries of many messages in one statement, e.g. for a page of orders; each list in destination order.
    /// An id the journal does not hold (never stored, or pruned) is absent from the answer.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, IReadOnlyList<DeliveryRecord>>> GetDeliveriesAsync(
        IReadOnlyCollection<Guid> messageIds, CancellationToken cancellationToken);

    /// <summary>The answer kept for a finished delivery (the one that finished it last), or null if none was kept.</summary>
    /// <remarks>Replies go with their message: retention prunes both together.</remarks>
    Task<DeliveryReply?> GetReplyAsync(Guid messageId, string destination, CancellationToken cancellationToken);

    Task<IReadOnlyList<DestinationStats>> GetStatsAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<DeadLetter>> GetDeadLettersAsync(DeadLetterQuery query, CancellationToken cancellationToken);

    /// <summary>Makes matching dead letters due again with a fresh attempt count; returns how many.</summary>
    Task<int> ReplayAsync(DeadLetterFilter filter, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Marks matching dead letters discarded (kept for audit, never delivered); returns how many.</summary>
    Task<int> DiscardAsync(DeadLetterFilter filter, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>When the earliest not-yet-due delivery for a destination becomes due, if any.</summary>
    Task<DateTimeOffset?> GetNextDueAsync(string destination, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes up to <paramref name="max"/> messages, oldest first, that every destination finished with
    /// (delivered or discarded) before <paramref name="finishedBefore"/>; dead letters are kept. Returns how many.
    /// </summary>
    Task<int> PruneAsync(DateTimeOffset finishedBefore, int max, CancellationToken cancellationToken);

    /// <summary>Proves the journal can still write (for readiness).</summary>
    Task ProbeWriteAsync(CancellationToken cancellationToken);
}

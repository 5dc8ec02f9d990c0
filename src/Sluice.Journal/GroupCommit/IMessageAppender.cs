namespace Sluice.Journal.GroupCommit;

/// <summary>Intake's way into the journal: completes only once the message is committed.</summary>
public interface IMessageAppender
{
    /// <exception cref="JournalUnavailableException">The queue is full or the journal cannot write.</exception>
    ValueTask<AppendResult> AppendAsync(NewMessage message, CancellationToken cancellationToken);
}

/// <summary>Told after each commit which destinations got new work, so idle delivery loops wake at once.</summary>
public interface IAppendObserver
{
    void OnCommitted(IReadOnlyCollection<string> destinations);
}

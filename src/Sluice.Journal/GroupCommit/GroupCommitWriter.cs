using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sluice.Journal.Tracing;

namespace Sluice.Journal.GroupCommit;

/// <summary>
/// The one writer per journal. Intake requests queue here; the writer commits everything that has
/// queued up since its last commit in a single transaction and then completes each request.
/// </summary>
/// <remarks>
/// Durability costs one fsync per commit, not per request: under load each commit carries
/// thousands of messages, so throughput comes from batching rather than from a weaker fsync.
/// </remarks>
public sealed partial class GroupCommitWriter : BackgroundService, IMessageAppender
{
    private readonly IJournal _journal;
    private readonly IEnumerable<IAppendObserver> _observers;
    private readonly GroupCommitOptions _options;
    private readonly ILogger<GroupCommitWriter> _logger;
    private readonly Channel<PendingAppend> _queue;

    public GroupCommitWriter(
        IJournal journal,
        IEnumerable<IAppendObserver> observers,
        IOptions<GroupCommitOptions> options,
        ILogger<GroupCommitWriter> logger)
    {
        _journal = journal;
        _observers = observers;
        _options = options.Value;
        _logger = logger;
        _queue = Channel.CreateBounded<PendingAppend>(new BoundedChannelOptions(_options.QueueCapacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Requests queued and not yet committed.</summary>
    public int QueueLength => _queue.Reader.Count;

    public ValueTask<AppendResult> AppendAsync(NewMessage message, CancellationToken cancellationToken)
    {
        var pending = new PendingAppend(MessageTrace.Stamp(message));
        if (!_queue.Writer.TryWrite(pending))
        {
            JournalMetrics.Refused.Add(1);
            throw new JournalUnavailableException("The intake queue is full.", _options.RetryAfter);
        }

        // The caller's token is deliberately not tied to the commit: once queued the message will be
        // stored, and a client that went away can learn its fate by repeating with its idempotency key.
        return new ValueTask<AppendResult>(pending.Completion.Task);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var stopping = stoppingToken.Register(() => _queue.Writer.TryComplete());
        var batch = new List<PendingAppend>(_options.MaxBatchSize);
        var messages = new List<NewMessage>(_options.MaxBatchSize);

        // Drain to the end even while stopping: every queued request is waiting for an answer.
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            messages.Clear();
            while (batch.Count < _options.MaxBatchSize && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
                messages.Add(pending.Message);
            }

            await CommitAsync(batch, messages);
        }
    }

    private async Task CommitAsync(List<PendingAppend> batch, List<NewMessage> messages)
    {
        var started = Stopwatch.GetTimestamp();
        IReadOnlyList<AppendResult> results;
        try
        {
            results = await _journal.AppendAsync(messages, CancellationToken.None);
        }
        catch (Exception ex)
        {
            LogCommitFailed(ex, batch.Count);
            JournalMetrics.Refused.Add(batch.Count);
            var refusal = ex as JournalUnavailableException
                ?? new JournalUnavailableException("The journal cannot store the request now.", _options.RetryAfter, ex);
            foreach (var pending in batch)
            {
                pending.Completion.TrySetException(refusal);
            }

            return;
        }

        JournalMetrics.RecordCommit(batch.Count, Stopwatch.GetElapsedTime(started));
        var destinations = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < batch.Count; i++)
        {
            if (results[i].Outcome == AppendOutcome.Stored)
            {
                destinations.UnionWith(batch[i].Message.Destinations);
            }

            batch[i].Completion.TrySetResult(results[i]);
        }

        if (destinations.Count > 0)
        {
            foreach (var observer in _observers)
            {
                observer.OnCommitted(destinations);
            }
        }
    }

    private sealed class PendingAppend(NewMessage message)
    {
        public NewMessage Message { get; } = message;

        public TaskCompletionSource<AppendResult> Completion { get; } =
            new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Commit of {Count} messages failed; each was answered 503.")]
    private partial void LogCommitFailed(Exception exception, int count);
}

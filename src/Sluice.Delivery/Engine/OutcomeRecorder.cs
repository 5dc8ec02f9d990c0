using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sluice.Journal;

namespace Sluice.Delivery.Engine;

/// <summary>
/// Records delivery outcomes in batches: one transaction for many acks, the same group commit that
/// makes intake cheap. An outcome lost in a crash only means the message is sent again when its lease
/// expires, which the idempotency key makes harmless.
/// </summary>
public sealed partial class OutcomeRecorder : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private readonly IJournal _journal;
    private readonly TimeProvider _time;
    private readonly FinishedDeliveries _finished;
    private readonly IOutcomeFollowUps[] _followUps;
    private readonly ILogger<OutcomeRecorder> _logger;
    private readonly int _batchSize;
    private readonly Channel<DeliveryOutcome> _outcomes =
        Channel.CreateUnbounded<DeliveryOutcome>(new UnboundedChannelOptions { SingleReader = true });

    public OutcomeRecorder(
        IJournal journal, IOptions<DeliveryOptions> options, TimeProvider time, FinishedDeliveries finished, IEnumerable<IOutcomeFollowUps> followUps,
        ILogger<OutcomeRecorder> logger)
    {
        _journal = journal;
        _time = time;
        _finished = finished;
        _followUps = followUps.ToArray();
        _logger = logger;
        _batchSize = options.Value.OutcomeBatchSize;
    }

    /// <summary>Raised after outcomes are committed, with the destinations they concern.</summary>
    public event Action<IReadOnlyCollection<string>>? Recorded;

    /// <summary>Records the outcome of a send, with the follow-ups it leads to when it finishes the delivery.</summary>
    public void Record(LeasedDelivery lease, DeliveryOutcome outcome)
    {
        if (_followUps.Length > 0 && outcome.Kind is OutcomeKind.Delivered or OutcomeKind.DeadLetter)
        {
            var followUps = _followUps.SelectMany(f => f.For(lease, outcome)).ToList();
            if (followUps.Count > 0)
            {
                outcome = outcome with { FollowUps = followUps };
            }
        }

        Record(outcome);
    }

    public void Record(DeliveryOutcome outcome)
    {
        if (!_outcomes.Writer.TryWrite(outcome))
        {
            // Only after shutdown: the lease will expire and the message will be sent again.
            LogDroppedAfterStop(outcome.Sequence, outcome.Destination);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var stopping = stoppingToken.Register(() => _outcomes.Writer.TryComplete());
        var batch = new List<DeliveryOutcome>(_batchSize);
        while (await _outcomes.Reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            while (batch.Count < _batchSize && _outcomes.Reader.TryRead(out var outcome))
            {
                batch.Add(outcome);
            }

            await CommitAsync(batch, stoppingToken);
        }
    }

    private async Task CommitAsync(List<DeliveryOutcome> batch, CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                await _journal.CompleteAsync(batch, CancellationToken.None);
                _finished.Publish(batch);
                // Follow-ups are new work too: their destinations wake now rather than at their next poll.
                Recorded?.Invoke(batch.Select(o => o.Destination)
                    .Concat(batch.SelectMany(o => o.FollowUps).SelectMany(m => m.Destinations))
                    .ToHashSet(StringComparer.Ordinal));
                return;
            }
            catch (Exception ex)
            {
                LogCommitFailed(ex, batch.Count);
                if (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
            }

            try
            {
                await Task.Delay(RetryDelay, _time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                // One last try on the way out follows.
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Recording {Count} delivery outcomes failed; retrying.")]
    private partial void LogCommitFailed(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outcome for message {Sequence} to {Destination} arrived after shutdown; it will be sent again.")]
    private partial void LogDroppedAfterStop(long sequence, string destination);
}

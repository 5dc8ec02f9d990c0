namespace Sluice.Journal.Relational;

/// <summary>
/// Settles which messages of an append batch repeat an idempotency key, the same way on every engine: the first
/// message with a key in the batch (its claimant) speaks for the key; every message with the key, the claimant
/// included, repeats the original when the key was claimed in an earlier commit, and later ones repeat the claimant
/// when it was not. The engine only finds which claimants' keys were taken before, in its own SQL.
/// </summary>
public readonly struct BatchIdempotency
{
    private readonly IReadOnlyList<NewMessage> _batch;
    private readonly Dictionary<(string Scope, string Key), int> _claimantByKey;

    private BatchIdempotency(IReadOnlyList<NewMessage> batch, Dictionary<(string, string), int> claimantByKey, List<int> claimants)
    {
        _batch = batch;
        _claimantByKey = claimantByKey;
        Claimants = claimants;
    }

    /// <summary>The batch indexes of the first message with each key, in batch order.</summary>
    public List<int> Claimants { get; }

    /// <summary>The batch's keys and their claimants; null when no message carries a key (nothing is allocated then).</summary>
    public static BatchIdempotency? Of(IReadOnlyList<NewMessage> batch)
    {
        List<int>? claimants = null;
        Dictionary<(string, string), int>? claimantByKey = null;
        for (var i = 0; i < batch.Count; i++)
        {
            if (batch[i].Idempotency is { } claim && (claimantByKey ??= []).TryAdd((claim.Scope, claim.Key), i))
            {
                (claimants ??= []).Add(i);
            }
        }

        return claimants is null ? null : new BatchIdempotency(batch, claimantByKey!, claimants);
    }

    /// <summary>The batch index of the message that claims <paramref name="scope"/>/<paramref name="key"/>.</summary>
    public int ClaimantOf(string scope, string key) => _claimantByKey[(scope, key)];

    /// <summary>
    /// Answers every repeat in <paramref name="results"/> and leaves the messages to store null.
    /// </summary>
    /// <param name="claimedBefore">By claimant index: the original message of each key taken in an earlier commit.</param>
    public void Answer(IReadOnlyDictionary<int, ClaimedBefore> claimedBefore, AppendResult?[] results)
    {
        for (var i = 0; i < _batch.Count; i++)
        {
            if (_batch[i].Idempotency is not { } claim)
            {
                continue;
            }

            var claimant = _claimantByKey[(claim.Scope, claim.Key)];
            if (claimedBefore.TryGetValue(claimant, out var original))
            {
                results[i] = AppendResult.Repeat(claim, original.RequestHash, original.MessageId, original.ReceivedAt);
            }
            else if (claimant != i)
            {
                var first = _batch[claimant];
                results[i] = AppendResult.Repeat(claim, first.Idempotency!.RequestHash, first.Id, first.ReceivedAt);
            }
        }
    }
}

/// <summary>The message that took an idempotency key in an earlier commit, and the request hash it took it with.</summary>
public readonly record struct ClaimedBefore(byte[] RequestHash, Guid MessageId, DateTimeOffset ReceivedAt);

namespace Sluice.Journal.Relational;

/// <summary>The two ends of an append on every engine: which messages are left to store, and their answers once stored.</summary>
public static class AppendResults
{
    /// <summary>The messages <see cref="BatchIdempotency"/> left unanswered, in batch order: those to store.</summary>
    public static List<NewMessage> ToStore(IReadOnlyList<NewMessage> batch, AppendResult?[] results)
    {
        var toStore = new List<NewMessage>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            if (results[i] is null)
            {
                toStore.Add(batch[i]);
            }
        }

        return toStore;
    }

    /// <summary>
    /// Answers the stored messages in batch order. A module may have replaced one (with what it assigned),
    /// so the answer, <see cref="AppendResult.Assigned"/> included, is taken from <paramref name="stored"/>, not from the batch.
    /// </summary>
    public static IReadOnlyList<AppendResult> Complete(AppendResult?[] results, List<NewMessage> stored)
    {
        for (int i = 0, j = 0; i < results.Length; i++)
        {
            if (results[i] is null)
            {
                results[i] = AppendResult.Stored(stored[j++]);
            }
        }

        return results!;
    }
}

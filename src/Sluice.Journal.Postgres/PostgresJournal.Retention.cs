namespace Sluice.Journal.Postgres;

public sealed partial class PostgresJournal
{
    public Task<int> PruneAsync(DateTimeOffset finishedBefore, int max, CancellationToken cancellationToken) =>
        RunAsync(static async (connection, state, ct) =>
        {
            await using var prune = Command(connection, state.Self._sql.Prune, state.FinishedBefore.ToUniversalTime(), state.Max);
            return await prune.ExecuteNonQueryAsync(ct);
        }, (Self: this, FinishedBefore: finishedBefore, Max: max), durable: false, transaction: false, cancellationToken);
}

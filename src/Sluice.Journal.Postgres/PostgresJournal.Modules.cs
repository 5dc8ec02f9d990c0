using Npgsql;
using Sluice.Journal.Modules;

namespace Sluice.Journal.Postgres;

public sealed partial class PostgresJournal
{
    public JournalEngine Engine => JournalEngine.Postgres;

    public Task<T> WriteAsync<T>(Func<JournalSession, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        RunAsync(static (connection, state, ct) => state.Work(state.Self.Session(connection), ct),
            (Self: this, Work: work), durable: true, transaction: true, cancellationToken);

    public async Task<T> ReadAsync<T>(Func<JournalSession, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await work(Session(connection), cancellationToken);
    }

    /// <summary>Npgsql commands join the connection's open transaction by themselves, so none is named.</summary>
    private JournalSession Session(NpgsqlConnection connection) => new(JournalEngine.Postgres, connection, null, _options.Schema);
}

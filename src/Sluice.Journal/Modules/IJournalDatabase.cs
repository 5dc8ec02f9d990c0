namespace Sluice.Journal.Modules;

/// <summary>The journal's database, for modules' own reads and writes outside intake.</summary>
public interface IJournalDatabase
{
    JournalEngine Engine { get; }

    /// <summary>
    /// Runs <paramref name="work"/> in one durable transaction (committed and synced before this returns).
    /// On SQLite it takes its turn with intake's commits, so keep it short: write big imports in chunks.
    /// </summary>
    Task<T> WriteAsync<T>(Func<JournalSession, CancellationToken, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="work"/> on a connection of its own that sees committed data; it never blocks intake.</summary>
    Task<T> ReadAsync<T>(Func<JournalSession, CancellationToken, Task<T>> work, CancellationToken cancellationToken);
}

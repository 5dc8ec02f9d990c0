using System.Data.Common;
using Sluice.Journal.Modules;
using Sluice.Punches.Ledger;

namespace Sluice.Punches.Storage;

/// <summary>
/// The punches' SQL where the two engines differ, one instance per engine (<see cref="For"/>): the schema steps of the
/// <c>punches</c> and <c>adms</c> modules, and the statements whose best form differs (one batch statement on PostgreSQL,
/// where each statement is a round trip inside intake's transaction; a prepared or per-row statement on SQLite, where a
/// statement is a function call). Everything else the punches write is the same text on both and stays with its store.
/// </summary>
/// <param name="ledgerMigrations">The engine's steps of the <c>punches</c> module (<see cref="LedgerMigrations"/>).</param>
/// <param name="admsMigrations">The engine's steps of the <c>adms</c> module (<see cref="AdmsMigrations"/>).</param>
internal abstract class PunchSql(IReadOnlyList<string> ledgerMigrations, IReadOnlyList<string> admsMigrations)
{
    private static readonly PunchSql Sqlite = new SqlitePunchSql();
    private static readonly PunchSql Postgres = new PostgresPunchSql();

    public static PunchSql For(JournalEngine engine) => engine == JournalEngine.Sqlite ? Sqlite : Postgres;

    /// <summary>The <c>punches</c> module's schema steps, oldest first: only append, a released step never changes.</summary>
    public IReadOnlyList<string> LedgerMigrations { get; } = ledgerMigrations;

    /// <summary>The <c>adms</c> module's schema steps, oldest first: only append, a released step never changes.</summary>
    public IReadOnlyList<string> AdmsMigrations { get; } = admsMigrations;

    /// <summary>The ledger's insert of a batch of punches, for one <see cref="PunchLedger"/> (it may keep a statement prepared).</summary>
    public abstract LedgerInsert NewLedgerInsert();

    /// <summary>
    /// Reads the heads of <paramref name="ids"/> (distinct, in order) into <paramref name="heads"/>, locked until the
    /// transaction ends where the engine lets another node write the same establishment.
    /// </summary>
    public abstract Task ReadHeadsAsync(JournalSession session, string[] ids, Dictionary<string, LedgerHead> heads, CancellationToken ct);

    /// <summary>Moves up to <paramref name="chunkSize"/> of the oldest pending punches into the by-employee index; returns how many.</summary>
    public abstract Task<int> MoveToEmployeeIndexAsync(JournalSession session, int chunkSize, CancellationToken ct);

    /// <summary>Records device punches' identities, skipping those already recorded.</summary>
    public abstract Task InsertAdmsLinesAsync(JournalSession session, List<AdmsPunchLine> lines, CancellationToken ct);

    protected static async Task ReadHeadsAsync(DbCommand select, Dictionary<string, LedgerHead> heads, CancellationToken ct)
    {
        await using var reader = await select.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            heads[reader.GetString(0)] = new LedgerHead(reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetString(2));
        }
    }
}

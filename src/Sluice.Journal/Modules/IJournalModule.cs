namespace Sluice.Journal.Modules;

/// <summary>
/// A feature that keeps tables of its own beside the journal's (a punch ledger, an order table, API keys),
/// so its rows commit in the same transaction as the messages they belong to, on whichever engine runs.
/// </summary>
/// <remarks>
/// Registered in DI as <see cref="IJournalModule"/>; the journal applies each module's migrations at start
/// (after its own, under the same lock on PostgreSQL) and calls <see cref="OnAppendingAsync"/> inside every
/// append transaction. That call runs on intake's hot path: return at once when no message is yours.
/// </remarks>
public interface IJournalModule
{
    /// <summary>Names the module in the migration history: never change it once released.</summary>
    string Name { get; }

    /// <summary>
    /// The module's schema steps for <paramref name="engine"/>, oldest first; each runs once, in order.
    /// <c>{schema}</c> in a step is replaced by the journal's schema (<c>main</c> on SQLite, <c>sluice</c> by default
    /// on PostgreSQL), so tables are named <c>{schema}.orders</c>.
    /// Only append steps: a released step must never change.
    /// </summary>
    IReadOnlyList<string> Migrations(JournalEngine engine);

    /// <summary>Whether messages of <paramref name="kind"/> concern this module; the others never reach it.</summary>
    bool Handles(string kind);

    /// <summary>
    /// Called inside the append transaction with the messages about to be stored, whenever one of them is of a kind it
    /// <see cref="Handles"/> (repeats of an idempotency
    /// key are already left out), before they are written. The module writes its own rows through
    /// <paramref name="session"/> and may replace an entry of <paramref name="messages"/> (same id) with one whose
    /// payload carries the numbers assigned now (see <see cref="JsonObjects.Join"/>) and whose
    /// <see cref="NewMessage.Assigned"/> hands them back to the sender. Throwing rolls the whole batch back: every request in
    /// it is answered 503, so throw only when storing is impossible, never to refuse one request.
    /// </summary>
    ValueTask OnAppendingAsync(JournalSession session, IList<NewMessage> messages, CancellationToken cancellationToken);
}

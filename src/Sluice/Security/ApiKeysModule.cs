using Sluice.Journal;
using Sluice.Journal.Modules;

namespace Sluice.Security;

/// <summary>The api_keys table in the journal's database; it takes no part in appends.</summary>
internal sealed class ApiKeysModule : IJournalModule
{
    public string Name => "api-keys";

    public IReadOnlyList<string> Migrations(JournalEngine engine) => engine switch
    {
        JournalEngine.Sqlite =>
        [
            """
            CREATE TABLE {schema}.api_keys (
                id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, establishment_id TEXT,
                key_hash BLOB NOT NULL UNIQUE, created_at INTEGER NOT NULL, revoked_at INTEGER)
            """,
            ResponsibleCpf,
        ],
        _ =>
        [
            """
            CREATE TABLE {schema}.api_keys (
                id text PRIMARY KEY, name text NOT NULL, kind text NOT NULL, establishment_id text,
                key_hash bytea NOT NULL UNIQUE, created_at bigint NOT NULL, revoked_at bigint)
            """,
            ResponsibleCpf,
        ],
    };

    /// <summary>Step 2: the CPF of who answers for the registry changes made with a key (the AFD names them).</summary>
    private const string ResponsibleCpf = "ALTER TABLE {schema}.api_keys ADD COLUMN responsible_cpf text";

    public bool Handles(string kind) => false;

    public ValueTask OnAppendingAsync(JournalSession session, IList<NewMessage> messages, CancellationToken cancellationToken) =>
        ValueTask.CompletedTask;
}

using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Peers.SqliteBaseline;

/// <summary>
/// One SQLite file in WAL mode with synchronous=FULL (every commit fsync'd) and one writer: requests wait in a
/// channel, the writer takes all that are waiting (up to <see cref="MaxBatch"/>), commits them in one transaction
/// and only then completes their tasks, so a 202 always follows the fsync of its row.
/// </summary>
internal sealed class GroupCommitStore(string path) : BackgroundService
{
    private const int MaxBatch = 2048;

    private readonly Channel<(string Body, TaskCompletionSource Stored)> _waiting =
        Channel.CreateUnbounded<(string, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });

    public Task StoreAsync(string body, CancellationToken cancellationToken)
    {
        var stored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _waiting.Writer.TryWrite((body, stored)) ? stored.Task.WaitAsync(cancellationToken) : Task.FromException(new InvalidOperationException("closed"));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
        connection.Open();
        Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; " +
            "CREATE TABLE IF NOT EXISTS messages (id INTEGER PRIMARY KEY, received_at INTEGER NOT NULL, body TEXT NOT NULL); " +
            "CREATE TABLE IF NOT EXISTS deliveries (message_id INTEGER NOT NULL, destination TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, " +
            "PRIMARY KEY (message_id, destination)) WITHOUT ROWID;");
        using var messages = Prepare(connection,
            "INSERT INTO messages (id, received_at, body) SELECT $first + key, $now, value FROM json_each($bodies)");
        using var deliveries = Prepare(connection,
            "INSERT INTO deliveries (message_id, destination) SELECT $first + key, 'legacy' FROM json_each($bodies)");
        using var last = new SqliteCommand("SELECT COALESCE(MAX(id), 0) + 1 FROM messages", connection);
        var next = Convert.ToInt64(last.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        var batch = new List<(string Body, TaskCompletionSource Stored)>(MaxBatch);
        var json = new MemoryStream();
        while (await _waiting.Reader.WaitToReadAsync(stoppingToken))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _waiting.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            json.SetLength(0);
            using (var writer = new Utf8JsonWriter(json))
            {
                writer.WriteStartArray();
                foreach (var item in batch)
                {
                    writer.WriteStringValue(item.Body);
                }

                writer.WriteEndArray();
            }

            // Text, not a blob: SQLite reads a blob given to json_each as its binary JSONB.
            var bodies = System.Text.Encoding.UTF8.GetString(json.GetBuffer(), 0, (int)json.Length);
            try
            {
                using var transaction = connection.BeginTransaction();
                foreach (var command in (SqliteCommand[])[messages, deliveries])
                {
                    command.Transaction = transaction;
                    command.Parameters["$first"].Value = next;
                    command.Parameters["$now"].Value = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                    command.Parameters["$bodies"].Value = bodies;
                    command.ExecuteNonQuery();
                }

                transaction.Commit();
                next += batch.Count;
                batch.ForEach(item => item.Stored.SetResult());
            }
            catch (SqliteException ex)
            {
                batch.ForEach(item => item.Stored.SetException(ex));
            }
        }
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql)
    {
        var command = new SqliteCommand(sql, connection);
        command.Parameters.Add("$first", SqliteType.Integer);
        command.Parameters.Add("$now", SqliteType.Integer);
        command.Parameters.Add("$bodies", SqliteType.Text);
        return command;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = new SqliteCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}

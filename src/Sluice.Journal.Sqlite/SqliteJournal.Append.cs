using Microsoft.Data.Sqlite;
using Sluice.Journal.Modules;
using Sluice.Journal.Relational;

namespace Sluice.Journal.Sqlite;

public sealed partial class SqliteJournal
{
    public async Task<IReadOnlyList<AppendResult>> AppendAsync(IReadOnlyList<NewMessage> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return [];
        }

        try
        {
            return await WriteAsync(
                static (connection, transaction, state, ct) => state.Self.AppendBatchAsync(connection, transaction, state.Self._append!, state.Batch, ct),
                (Self: this, Batch: batch), cancellationToken);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 13 /* SQLITE_FULL */ or 5 /* BUSY */ or 6 /* LOCKED */ or 10 /* IOERR */)
        {
            throw new JournalUnavailableException($"The journal cannot write: {ex.Message}", TimeSpan.FromSeconds(5), ex);
        }
    }

    /// <param name="commands">Prepared on <paramref name="connection"/>: the writer's for intake, the bookkeeper's for follow-ups.</param>
    private async Task<IReadOnlyList<AppendResult>> AppendBatchAsync(
        SqliteConnection connection, SqliteTransaction transaction, AppendCommands commands, IReadOnlyList<NewMessage> batch,
        CancellationToken cancellationToken)
    {
        commands.Enlist(transaction);
        var results = new AppendResult[batch.Count];
        var toStore = new List<NewMessage>(batch.Count);
        var slots = new List<int>(batch.Count);
        Dictionary<(string Scope, string Key), NewMessage>? claimedNow = null;
        for (var i = 0; i < batch.Count; i++)
        {
            var message = batch[i];
            if (message.Idempotency is { } claim)
            {
                // A repeat of a key claimed earlier in this batch, or in an earlier commit.
                if (claimedNow is not null && claimedNow.TryGetValue((claim.Scope, claim.Key), out var first))
                {
                    results[i] = AppendResult.Repeat(claim, first.Idempotency!.RequestHash, first.Id, first.ReceivedAt);
                    continue;
                }

                if (commands.FindClaim(claim) is { } existing)
                {
                    results[i] = AppendResult.Repeat(claim, existing.RequestHash, existing.MessageId, existing.ReceivedAt);
                    continue;
                }

                (claimedNow ??= [])[(claim.Scope, claim.Key)] = message;
            }

            toStore.Add(message);
            slots.Add(i);
        }

        if (_modules.Length > 0)
        {
            await ModuleMigrations.NotifyAppendingAsync(_modules, Session(connection, transaction), toStore, cancellationToken);
            commands.Enlist(transaction);
        }

        for (var j = 0; j < toStore.Count; j++)
        {
            var message = toStore[j];
            var seq = commands.InsertMessage(message);
            foreach (var destination in message.Destinations)
            {
                commands.InsertDelivery(seq, destination, message);
            }

            if (message.Idempotency is { } newClaim)
            {
                commands.InsertClaim(newClaim, seq);
            }

            results[slots[j]] = new AppendResult(AppendOutcome.Stored, message.Id, message.ReceivedAt);
        }

        return results;
    }

    private sealed record ExistingClaim(byte[] RequestHash, Guid MessageId, DateTimeOffset ReceivedAt);

    /// <summary>Prepared once on the writer connection: the append path runs them thousands of times a second.</summary>
    private sealed class AppendCommands : IDisposable
    {
        private readonly SqliteCommand _insertMessage;
        private readonly SqliteCommand _insertDelivery;
        private readonly SqliteCommand _keyBusy;
        private readonly SqliteCommand _findClaim;
        private readonly SqliteCommand _insertClaim;

        public AppendCommands(SqliteConnection connection)
        {
            _insertMessage = Create(connection,
                """
                INSERT INTO messages (id, kind, received_at, content_type, metadata, ordering_key, payload)
                VALUES ($id, $kind, $received_at, $content_type, $metadata, $ordering_key, $payload)
                RETURNING seq
                """,
                "$id", "$kind", "$received_at", "$content_type", "$metadata", "$ordering_key", "$payload");
            _insertDelivery = Create(connection,
                """
                INSERT INTO deliveries (message_seq, destination, status, available_at, attempts, ordering_key, is_head)
                VALUES ($seq, $destination, 0, $available_at, 0, $ordering_key, $is_head)
                """,
                "$seq", "$destination", "$available_at", "$ordering_key", "$is_head");
            _keyBusy = Create(connection,
                "SELECT EXISTS (SELECT 1 FROM deliveries INDEXED BY ix_deliveries_key WHERE destination = $destination AND ordering_key = $key AND status < 2)",
                "$destination", "$key");
            _findClaim = Create(connection,
                """
                SELECT i.request_hash, m.id, m.received_at
                FROM idempotency i JOIN messages m ON m.seq = i.message_seq
                WHERE i.scope = $scope AND i.key = $key
                """,
                "$scope", "$key");
            _insertClaim = Create(connection,
                "INSERT INTO idempotency (scope, key, request_hash, message_seq) VALUES ($scope, $key, $hash, $seq)",
                "$scope", "$key", "$hash", "$seq");
        }

        public void Enlist(SqliteTransaction transaction)
        {
            _insertMessage.Transaction = transaction;
            _insertDelivery.Transaction = transaction;
            _keyBusy.Transaction = transaction;
            _findClaim.Transaction = transaction;
            _insertClaim.Transaction = transaction;
        }

        public long InsertMessage(NewMessage message)
        {
            var p = _insertMessage.Parameters;
            p[0].Value = message.Id;
            p[1].Value = message.Kind;
            p[2].Value = UnixTime.ToMs(message.ReceivedAt);
            p[3].Value = message.ContentType;
            p[4].Value = (object?)MetadataJson.Serialize(message.Metadata) ?? DBNull.Value;
            p[5].Value = (object?)message.OrderingKey ?? DBNull.Value;
            p[6].Value = message.Payload.ToArray();
            return (long)_insertMessage.ExecuteScalar()!;
        }

        public void InsertDelivery(long seq, string destination, NewMessage message)
        {
            var p = _insertDelivery.Parameters;
            p[0].Value = seq;
            p[1].Value = destination;
            p[2].Value = UnixTime.ToMs(message.ReceivedAt);
            p[3].Value = (object?)message.OrderingKey ?? DBNull.Value;
            p[4].Value = message.OrderingKey is null || !KeyBusy(destination, message.OrderingKey) ? 1 : 0;
            _insertDelivery.ExecuteNonQuery();
        }

        /// <summary>Whether the key already has an unfinished delivery: then the new one waits behind it.</summary>
        private bool KeyBusy(string destination, string key)
        {
            _keyBusy.Parameters[0].Value = destination;
            _keyBusy.Parameters[1].Value = key;
            return (long)_keyBusy.ExecuteScalar()! != 0;
        }

        public ExistingClaim? FindClaim(IdempotencyClaim claim)
        {
            _findClaim.Parameters[0].Value = claim.Scope;
            _findClaim.Parameters[1].Value = claim.Key;
            using var reader = _findClaim.ExecuteReader();
            return reader.Read()
                ? new ExistingClaim((byte[])reader[0], reader.GetGuid(1), UnixTime.FromMs(reader.GetInt64(2)))
                : null;
        }

        public void InsertClaim(IdempotencyClaim claim, long seq)
        {
            var p = _insertClaim.Parameters;
            p[0].Value = claim.Scope;
            p[1].Value = claim.Key;
            p[2].Value = claim.RequestHash;
            p[3].Value = seq;
            _insertClaim.ExecuteNonQuery();
        }

        public void Dispose()
        {
            _insertMessage.Dispose();
            _insertDelivery.Dispose();
            _keyBusy.Dispose();
            _findClaim.Dispose();
            _insertClaim.Dispose();
        }

        private static SqliteCommand Create(SqliteConnection connection, string sql, params string[] parameters)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in parameters)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            command.Prepare();
            return command;
        }
    }
}

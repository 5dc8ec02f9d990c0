using System.Buffers;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Sluice.Journal.Relational;

namespace Sluice.Journal.Sqlite;

/// <summary>
/// The append path's statements, prepared once on the writer connection. Each takes its rows as one JSON array
/// (<c>json_each</c>), so a commit runs the same handful of statements whether it carries one message or thousands;
/// payloads travel hex-encoded and are decoded by <c>unhex</c>.
/// </summary>
internal sealed class SqliteAppendCommands : IDisposable
{
    private readonly SqliteCommand _lastSeq;
    private readonly SqliteCommand _insertMessages;
    private readonly SqliteCommand _insertDeliveries;
    private readonly SqliteCommand _findClaims;
    private readonly SqliteCommand _insertClaims;
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private readonly Utf8JsonWriter _json;
    private char[] _hex = new char[1024];

    public SqliteAppendCommands(SqliteConnection connection)
    {
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });
        _lastSeq = Create(connection, SqliteSql.LastSeq);
        _insertMessages = Create(connection, SqliteSql.InsertMessages, "$base", "$rows");
        _insertDeliveries = Create(connection, SqliteSql.InsertDeliveries, "$base", "$rows");
        _findClaims = Create(connection, SqliteSql.SelectClaims, "$keys");
        _insertClaims = Create(connection, SqliteSql.InsertClaims, "$base", "$rows");
    }

    public void Enlist(SqliteTransaction transaction)
    {
        _lastSeq.Transaction = transaction;
        _insertMessages.Transaction = transaction;
        _insertDeliveries.Transaction = transaction;
        _findClaims.Transaction = transaction;
        _insertClaims.Transaction = transaction;
    }

    /// <summary>Answers every repeat of an idempotency key (see <see cref="BatchIdempotency"/>); leaves the others null, to be stored.</summary>
    public void ResolveClaims(IReadOnlyList<NewMessage> batch, AppendResult?[] results)
    {
        if (BatchIdempotency.Of(batch) is { } claims)
        {
            claims.Answer(FindClaims(batch, claims.Claimants), results);
        }
    }

    /// <summary>Inserts the messages, their deliveries and their idempotency claims; seqs follow the table's last one in batch order.</summary>
    public void Insert(IReadOnlyList<NewMessage> messages)
    {
        var lastSeq = (long)_lastSeq.ExecuteScalar()!;
        Execute(_insertMessages, lastSeq + 1, WriteMessages(messages));
        Execute(_insertDeliveries, lastSeq + 1, WriteDeliveries(messages));
        if (HasClaims(messages))
        {
            Execute(_insertClaims, lastSeq + 1, WriteClaims(messages));
        }
    }

    /// <summary>The claimants whose keys were taken in an earlier commit, by batch index.</summary>
    private Dictionary<int, ClaimedBefore> FindClaims(IReadOnlyList<NewMessage> batch, List<int> claimants)
    {
        Begin();
        foreach (var index in claimants)
        {
            var claim = batch[index].Idempotency!;
            _json.WriteStartArray();
            _json.WriteStringValue(claim.Scope);
            _json.WriteStringValue(claim.Key);
            _json.WriteEndArray();
        }

        _findClaims.Parameters[0].Value = End();
        var found = new Dictionary<int, ClaimedBefore>();
        using var reader = _findClaims.ExecuteReader();
        while (reader.Read())
        {
            found[claimants[reader.GetInt32(0)]] = new ClaimedBefore((byte[])reader[1], reader.GetGuid(2), UnixTime.FromMs(reader.GetInt64(3)));
        }

        return found;
    }

    private byte[] WriteMessages(IReadOnlyList<NewMessage> messages)
    {
        Begin();
        foreach (var message in messages)
        {
            _json.WriteStartArray();
            JsonRowIds.Write(_json, message.Id);
            _json.WriteStringValue(message.Kind);
            _json.WriteNumberValue(UnixTime.ToMs(message.ReceivedAt));
            _json.WriteStringValue(message.ContentType);
            if (message.Metadata is { Count: > 0 } metadata)
            {
                _json.WriteStartObject();
                foreach (var (name, value) in metadata)
                {
                    _json.WriteString(name, value);
                }

                _json.WriteEndObject();
            }
            else
            {
                _json.WriteNullValue();
            }

            WriteStringOrNull(message.OrderingKey);
            WriteHex(message.Payload.Span);
            _json.WriteEndArray();
        }

        return End();
    }

    private byte[] WriteDeliveries(IReadOnlyList<NewMessage> messages)
    {
        Begin();
        HashSet<(string Destination, string Key)>? keysInBatch = null;
        for (var offset = 0; offset < messages.Count; offset++)
        {
            var message = messages[offset];
            foreach (var destination in message.Destinations)
            {
                _json.WriteStartArray();
                _json.WriteNumberValue(offset);
                _json.WriteStringValue(destination);
                _json.WriteNumberValue(UnixTime.ToMs(message.ReceivedAt));
                WriteStringOrNull(message.OrderingKey);
                var behindEarlier = message.OrderingKey is { } key && !(keysInBatch ??= []).Add((destination, key));
                _json.WriteNumberValue(behindEarlier ? 1 : 0);
                _json.WriteEndArray();
            }
        }

        return End();
    }

    private static bool HasClaims(IReadOnlyList<NewMessage> messages)
    {
        foreach (var message in messages)
        {
            if (message.Idempotency is not null)
            {
                return true;
            }
        }

        return false;
    }

    private byte[] WriteClaims(IReadOnlyList<NewMessage> messages)
    {
        Begin();
        for (var offset = 0; offset < messages.Count; offset++)
        {
            if (messages[offset].Idempotency is { } claim)
            {
                _json.WriteStartArray();
                _json.WriteStringValue(claim.Scope);
                _json.WriteStringValue(claim.Key);
                WriteHex(claim.RequestHash);
                _json.WriteNumberValue(offset);
                _json.WriteEndArray();
            }
        }

        return End();
    }

    private void WriteStringOrNull(string? value)
    {
        if (value is null)
        {
            _json.WriteNullValue();
        }
        else
        {
            _json.WriteStringValue(value);
        }
    }

    private void WriteHex(ReadOnlySpan<byte> bytes)
    {
        if (_hex.Length < bytes.Length * 2)
        {
            _hex = new char[Math.Max(bytes.Length * 2, _hex.Length * 2)];
        }

        Convert.TryToHexString(bytes, _hex, out var written);
        _json.WriteStringValue(_hex.AsSpan(0, written));
    }

    private void Begin()
    {
        _buffer.ResetWrittenCount();
        _json.Reset();
        _json.WriteStartArray();
    }

    /// <summary>
    /// The array's UTF-8 bytes, bound as a blob and read back as text by <c>CAST</c>: a string parameter would be
    /// turned into UTF-16 here and into UTF-8 again by the binding.
    /// </summary>
    private byte[] End()
    {
        _json.WriteEndArray();
        _json.Flush();
        return _buffer.WrittenSpan.ToArray();
    }

    private static void Execute(SqliteCommand command, long baseSeq, byte[] rows)
    {
        command.Parameters[0].Value = baseSeq;
        command.Parameters[1].Value = rows;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _json.Dispose();
        _lastSeq.Dispose();
        _insertMessages.Dispose();
        _insertDeliveries.Dispose();
        _findClaims.Dispose();
        _insertClaims.Dispose();
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

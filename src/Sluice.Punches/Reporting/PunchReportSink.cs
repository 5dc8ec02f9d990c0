using System.Text.Json;
using Npgsql;
using Sluice.Delivery.Engine;
using Sluice.Journal;

namespace Sluice.Punches.Reporting;

/// <summary>
/// Writes punches to a relational table in a reporting database, for reports and BI tools. The insert is
/// keyed by the message id and ignores a row that is already there, so a redelivery changes nothing.
/// </summary>
internal sealed class PunchReportSink(NpgsqlDataSource dataSource, PunchReportOptions options) : IDeliverySink, IAsyncDisposable
{
    private readonly SemaphoreSlim _connections = new(options.MaxConnections, options.MaxConnections);
    private readonly SemaphoreSlim _prepare = new(1, 1);
    private volatile bool _prepared;

    public async ValueTask<SendResult> SendAsync(LeasedDelivery delivery, CancellationToken cancellationToken)
    {
        if (delivery.Kind != PunchIntake.Kind)
        {
            return SendResult.Permanent($"The reporting table only takes punches, not '{delivery.Kind}'.");
        }

        PunchMessage? punch;
        try
        {
            punch = JsonSerializer.Deserialize(delivery.Payload.Span, PunchesJsonContext.Default.PunchMessage);
        }
        catch (JsonException ex)
        {
            return SendResult.Permanent($"The stored punch cannot be read: {ex.Message}");
        }

        if (punch is null)
        {
            return SendResult.Permanent("The stored punch is empty.");
        }

        await _connections.WaitAsync(cancellationToken);
        try
        {
            await EnsureTableAsync(cancellationToken);
            await using var insert = dataSource.CreateCommand(
                $"""
                INSERT INTO {options.Table} (id, employee_id, punched_at, device_id, received_at)
                VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (id) DO NOTHING
                """);
            insert.Parameters.Add(new() { Value = delivery.MessageId });
            insert.Parameters.Add(new() { Value = punch.EmployeeId });
            insert.Parameters.Add(new() { Value = punch.PunchedAt.ToUniversalTime() });
            insert.Parameters.Add(new() { Value = (object?)punch.DeviceId ?? DBNull.Value });
            insert.Parameters.Add(new() { Value = punch.ReceivedAt.ToUniversalTime() });
            await insert.ExecuteNonQueryAsync(cancellationToken);
            return SendResult.Success;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            // Down, unreachable, out of connections: try later. A refusal of the row itself will not change.
            return ex is PostgresException { IsTransient: false } refused && !refused.SqlState.StartsWith("08", StringComparison.Ordinal)
                ? SendResult.Permanent($"The reporting database refused the punch: {refused.MessageText}")
                : SendResult.Transient($"The reporting database is unavailable: {ex.Message}");
        }
        finally
        {
            _connections.Release();
        }
    }

    /// <summary>Closes its connection pool; the factory calls it at shutdown.</summary>
    public async ValueTask DisposeAsync()
    {
        await dataSource.DisposeAsync();
        _connections.Dispose();
        _prepare.Dispose();
    }

    /// <summary>Creates the table once per process; under an advisory lock, so nodes starting together do not collide.</summary>
    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (_prepared)
        {
            return;
        }

        await _prepare.WaitAsync(cancellationToken);
        try
        {
            if (_prepared)
            {
                return;
            }

            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var create = new NpgsqlCommand(
                $"""
                SELECT pg_advisory_xact_lock(hashtextextended('sluice-report:{options.Table}', 0));
                CREATE TABLE IF NOT EXISTS {options.Table} (
                    id          uuid        PRIMARY KEY,
                    employee_id text        NOT NULL,
                    punched_at  timestamptz NOT NULL,
                    device_id   text        NULL,
                    received_at timestamptz NOT NULL,
                    recorded_at timestamptz NOT NULL DEFAULT now()
                );
                CREATE INDEX IF NOT EXISTS {options.Table.Replace('.', '_')}_by_employee ON {options.Table} (employee_id, punched_at);
                """,
                connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            _prepared = true;
        }
        finally
        {
            _prepare.Release();
        }
    }
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Sluice.Hosting;
using Sluice.Intake;
using Sluice.Journal;
using Sluice.Journal.GroupCommit;

namespace Sluice.Punches;

/// <summary>Turns a valid punch into a journal message and waits for its commit.</summary>
internal sealed class PunchIntake(IMessageAppender appender, IOptions<PunchesOptions> options, TimeProvider time)
{
    public const string Kind = "punch";
    private const string IdempotencyScope = "punches";

    public ValueTask<AppendResult> RecordAsync(PunchRequest request, DateTimeOffset punchedAt, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow().TruncatedToMilliseconds();
        var id = Guid.CreateVersion7(now);
        var employeeId = request.EmployeeId!;
        var punch = new PunchMessage(id, employeeId, punchedAt, request.DeviceId, now);
        var message = new NewMessage(
            id,
            Kind,
            JsonSerializer.SerializeToUtf8Bytes(punch, SluiceJsonContext.Default.PunchMessage),
            "application/json",
            settings.Destinations,
            now)
        {
            OrderingKey = settings.OrderByEmployee ? employeeId : null,
            Idempotency = idempotencyKey is null ? null : new IdempotencyClaim(IdempotencyScope, idempotencyKey, Hash(request, punchedAt)),
        };
        return appender.AppendAsync(message, cancellationToken);
    }

    /// <summary>What makes two requests "the same" for an idempotency key: the punch's fields, not the JSON's spelling.</summary>
    private static byte[] Hash(PunchRequest request, DateTimeOffset punchedAt) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{request.EmployeeId}\n{punchedAt.ToString(IdempotencyKeys.InstantFormat, System.Globalization.CultureInfo.InvariantCulture)}\n{request.DeviceId}"));
}

using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Sluice.Intake;
using Sluice.Journal;
using Sluice.Journal.GroupCommit;
using Sluice.Punches.Ledger;
using Sluice.Punches.Registry;
using Sluice.Security;

namespace Sluice.Punches;

/// <summary>
/// Turns a valid punch for a known employee into a journal message and waits for its commit; the ledger numbers
/// and chains it inside that commit and hands NSR and hash back on the append result, so the receipt carries them.
/// </summary>
internal sealed class PunchIntake(
    IMessageAppender appender, EmployeeResolver resolver, EmployeeDirectory directory, LedgerQueries ledger,
    IOptions<PunchesOptions> options, TimeProvider time)
{
    public const string Kind = "punch";
    public const string IdempotencyScope = "punches";

    public PunchesOptions Options => options.Value;

    public DateTimeOffset Now() => time.GetUtcNow().TruncatedToMilliseconds();

    /// <summary>
    /// Checks the request and finds the employee; nothing is stored yet. A caller limited to one establishment (an
    /// API key scoped to it) punches there by default and is refused (403) for employees of any other.
    /// </summary>
    public async ValueTask<PreparedPunch> PrepareAsync(PunchRequest? request, string? headerKey, ClaimsPrincipal caller, CancellationToken ct)
    {
        var now = Now();
        var errors = PunchValidator.Validate(request, headerKey, options.Value, now, out var punch);
        if (errors.Count > 0)
        {
            return new PreparedPunch(errors, null);
        }

        var scope = caller.Establishment();
        if (request!.EstablishmentId is null && Guid.TryParse(scope, out var scoped))
        {
            request = request with { EstablishmentId = scoped };
        }

        var (employee, field, reason) = await resolver.ResolveAsync(request, ct);
        if (employee is null)
        {
            return new PreparedPunch(new Dictionary<string, string[]> { [field!] = [reason!] }, null);
        }

        if (!caller.MayActFor(employee.EstablishmentId.ToString()))
        {
            return new PreparedPunch(
                new Dictionary<string, string[]> { ["employeeId"] = [$"This API key may only punch for establishment {scope}."] },
                null,
                StatusCodes.Status403Forbidden);
        }

        return new PreparedPunch(null, Draft(employee, punch, request!.DeviceId, IdempotencyScope, now, await directory.GetAsync(ct)));
    }

    /// <summary>A message for a punch already checked (by the web page or a device protocol).</summary>
    /// <param name="scope">Idempotency scope of <see cref="CheckedPunch.IdempotencyKey"/>, e.g. one per device serial.</param>
    /// <param name="snapshot">The registry, for the establishment's zone: both times are written in it (AFD and hash).</param>
    public NewMessage Draft(Employee employee, CheckedPunch punch, string? deviceId, string scope, DateTimeOffset now, DirectorySnapshot snapshot)
    {
        var id = Guid.CreateVersion7(now);
        var zone = snapshot.Zone(employee.EstablishmentId);
        var draft = new PunchDraft
        {
            EstablishmentId = employee.EstablishmentId,
            EmployeeId = employee.Id,
            EmployeeCode = employee.Code,
            Cpf = employee.Cpf,
            // The instant as sent, told on the establishment's clock: the AFD's fields 3 and 5 (and the hash over them),
            // the receipt and the payload then all read in one zone, whatever offset the collector used ("Z" included).
            PunchedAt = ZoneTime.InZone(punch.PunchedAt, zone),
            RecordedAt = ZoneTime.InZone(now, zone),
            Collector = punch.Collector,
            Offline = punch.Offline,
            DeviceId = deviceId,
        };

        // Serialised here, on the request's thread; the ledger adds the NSR and hash at commit.
        var payload = JsonSerializer.SerializeToUtf8Bytes(PunchMessage.From(id, draft), PunchesJsonContext.Default.PunchMessage);
        return new NewMessage(id, Kind, payload, "application/json", options.Value.Destinations, now)
        {
            OrderingKey = options.Value.OrderByEmployee ? employee.Id.ToString() : null,
            Idempotency = punch.IdempotencyKey is null ? null : new IdempotencyClaim(scope, punch.IdempotencyKey, Hash(draft)),
            Context = draft,
        };
    }

    /// <summary>Queues the message for the next commit; await the result for the receipt.</summary>
    /// <exception cref="JournalUnavailableException">The queue is full.</exception>
    public ValueTask<AppendResult> Enqueue(NewMessage message, CancellationToken ct) => appender.AppendAsync(message, ct);

    /// <summary>The receipt for a commit's result; a repeat gets the original punch's receipt, read from the ledger.</summary>
    public async Task<PunchReceipt?> ReceiptAsync(NewMessage message, AppendResult result, CancellationToken ct)
    {
        switch (result.Outcome)
        {
            case AppendOutcome.Stored:
                var draft = (PunchDraft)message.Context!;
                var numbers = Numbers(result);
                return Receipt(result.MessageId, result.ReceivedAt, numbers.Nsr, numbers.Hash, draft.EstablishmentId, draft.EmployeeId, draft.EmployeeCode, draft.PunchedAt);
            case AppendOutcome.Duplicate:
                var original = await ledger.FindByMessageAsync(result.MessageId, ct)
                    ?? throw new InvalidOperationException($"Punch {result.MessageId} is in the journal but not in the ledger.");
                var employee = (await directory.GetAsync(ct)).Employees.GetValueOrDefault(original.EmployeeId);
                return Receipt(result.MessageId, result.ReceivedAt, original.Nsr, original.Hash, original.EstablishmentId, original.EmployeeId,
                    employee?.Code, original.PunchedAt);
            default:
                return null;
        }
    }

    /// <summary>The NSR and hash the ledger gave a punch it stored.</summary>
    public static PunchNumbers Numbers(AppendResult stored) =>
        stored.Assigned as PunchNumbers ?? throw new InvalidOperationException($"Punch {stored.MessageId} was stored without its ledger numbers.");

    private static PunchReceipt Receipt(
        Guid id, DateTimeOffset receivedAt, long nsr, string hash, Guid establishmentId, Guid employeeId, string? code, DateTimeOffset punchedAt) =>
        new(id, receivedAt, "stored")
        {
            Nsr = nsr,
            Hash = hash,
            EstablishmentId = establishmentId,
            EmployeeId = code,
            EmployeeInternalId = employeeId,
            PunchedAt = punchedAt,
        };

    /// <summary>What makes two requests "the same" for an idempotency key: the punch's fields, not the JSON's spelling.</summary>
    private static byte[] Hash(PunchDraft draft) => IdempotencyKeys.RequestHash(
        draft.EmployeeId.ToString(), draft.PunchedAt.ToString(IdempotencyKeys.InstantFormat, CultureInfo.InvariantCulture),
        ((int)draft.Collector).ToString(CultureInfo.InvariantCulture), draft.Offline.ToString(), draft.DeviceId);
}

/// <summary>Either the problems with a request, or its message ready to queue.</summary>
/// <param name="Status">With errors: 400 (the punch is not valid) or 403 (the caller may not punch for this employee).</param>
internal sealed record PreparedPunch(Dictionary<string, string[]>? Errors, NewMessage? Message, int Status = StatusCodes.Status400BadRequest);

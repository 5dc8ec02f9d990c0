using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Sluice.Journal;
using Sluice.Punches.Adms.Rejected;
using Sluice.Punches.Ledger;
using Sluice.Punches.Registry;

namespace Sluice.Punches.Adms;

/// <summary>
/// <c>POST /iclock/cdata?table=ATTLOG</c>: each line becomes a punch, is found already stored (firmware re-sends whole
/// batches, and asks for all its records again on every handshake), or is kept for HR with the reason it could not be taken.
/// The device is answered <c>OK: n</c>, n the punches now stored or stored before, only once all of that is durable.
/// </summary>
internal static partial class AdmsUploadEndpoints
{
    internal static async Task<ContentHttpResult> UploadAsync(
        HttpContext http, AdmsGate gate, AdmsUploadLimiter limiter, EmployeeDirectory directory, PunchIntake intake, AdmsLinesStore lines,
        LedgerQueries ledger, RejectedLinesStore rejected, IOptions<AdmsOptions> options, ILoggerFactory loggers, CancellationToken ct)
    {
        var (device, refusal) = await AdmsEndpoints.DeviceAsync(http, gate, ct);
        if (device is null)
        {
            return refusal!;
        }

        if (!AdmsQuery.From(http.Request.Query).IsAttlog)
        {
            return AdmsEndpoints.Text(AdmsResponses.Ok); // OPERLOG, ATTPHOTO…: accepted and ignored
        }

        if (!limiter.TryAcquire(device.Serial))
        {
            return AdmsEndpoints.Text(AdmsResponses.TooManyUploads, StatusCodes.Status429TooManyRequests);
        }

        using var reader = new StreamReader(http.Request.Body);
        var upload = AdmsUpload.Read(device.Serial, await reader.ReadToEndAsync(ct), TimeZoneInfo.FindSystemTimeZoneById(device.TimeZone));
        if (upload.Lines > options.Value.MaxLinesPerUpload)
        {
            return AdmsEndpoints.Text(AdmsResponses.TooManyLines(options.Value.MaxLinesPerUpload), StatusCodes.Status413PayloadTooLarge);
        }

        var logger = loggers.CreateLogger(typeof(AdmsUploadEndpoints));
        var now = intake.Now();
        var snapshot = await directory.GetAsync(ct);
        var (punches, refused) = Sort(device, upload, snapshot, intake.Options, now);
        try
        {
            var kept = await rejected.KeepAsync(device.EstablishmentId, refused, ct);
            if (kept > 0)
            {
                AdmsMetrics.RejectedLines.Add(kept);
                LogKept(logger, device.Serial, kept);
            }

            // Sent and stored before: known by identity for the whole offline window, whatever the journal has pruned since;
            // failing that, in the ledger itself (punches stored before identities were kept).
            var known = await lines.KnownAsync(device.Serial, [.. punches.Select(p => p.Line.IdempotencyKey)], ct);
            var fresh = punches.Where(p => !known.Contains(p.Line.IdempotencyKey)).ToList();
            var stored = await StoredBeforeAsync(ledger, device.Serial, fresh, ct);
            var pending = new List<Task<AppendResult>>(fresh.Count);
            foreach (var (line, employee) in fresh.Where(p => !stored.Contains(p.Line)))
            {
                // A device keeps what it could not send and sends it later: past the online window it was offline.
                var punch = new CheckedPunch(line.PunchedAt, PunchCollector.Device, line.PunchedAt < now - intake.Options.MaxAge, line.IdempotencyKey);
                pending.Add(intake.Enqueue(intake.Draft(employee, punch, device.Serial, AdmsEndpoints.IdempotencyScope, now, snapshot), ct).AsTask());
            }

            // Stored now, stored before (the same punch again, perhaps judged offline this time): each is the device's
            // punch, stored once, and counted so the device moves on.
            await Task.WhenAll(pending);
            return AdmsEndpoints.Text(AdmsResponses.Accepted(punches.Count));
        }
        catch (JournalUnavailableException ex)
        {
            LogNotStored(logger, device.Serial, ex.Message);
            return AdmsEndpoints.Text("ERROR: not stored, try again", StatusCodes.Status503ServiceUnavailable);
        }
    }

    /// <summary>Lines that are punches of an active employee within the time window, and the others with the reason for HR.</summary>
    private static (List<(AdmsPunch Line, Employee Employee)> Punches, List<RejectedLine> Refused) Sort(
        Device device, AdmsUpload upload, DirectorySnapshot snapshot, PunchesOptions options, DateTimeOffset now)
    {
        var punches = new List<(AdmsPunch, Employee)>();
        var refused = upload.Rejected.Select(r => Refuse(device, r.LineNumber, null, r.Line, r.Reason, now)).ToList();
        foreach (var line in upload.Punches)
        {
            var employee = snapshot.ByPin(line.Pin).FirstOrDefault(e => e.EstablishmentId == device.EstablishmentId && e.Active);
            var reason = employee switch
            {
                null => "No active employee has this PIN in the device's establishment: register the PIN, then have the device send the line again.",
                _ when line.PunchedAt > now + options.FutureTolerance =>
                    $"The time is more than {Minutes(options.FutureTolerance)} ahead of the server's clock: check the device's clock and its zone ({device.TimeZone}).",
                _ when line.PunchedAt < now - options.MaxOfflineAge =>
                    $"The time is older than Punches:MaxOfflineAge ({options.MaxOfflineAge.TotalDays.ToString(CultureInfo.InvariantCulture)} days): too old to be taken as a punch.",
                _ => null,
            };
            if (reason is null)
            {
                punches.Add((line, employee!));
            }
            else
            {
                refused.Add(Refuse(device, line.LineNumber, line.Pin, line.NormalizedLine, reason, now));
            }
        }

        return (punches, refused);
    }

    /// <summary>The lines whose punch the ledger already holds from this device, found by employee and instant.</summary>
    private static async Task<HashSet<AdmsPunch>> StoredBeforeAsync(
        LedgerQueries ledger, string serial, List<(AdmsPunch Line, Employee Employee)> punches, CancellationToken ct)
    {
        var stored = new HashSet<AdmsPunch>();
        foreach (var group in punches.GroupBy(p => p.Employee.Id))
        {
            var times = await ledger.DevicePunchTimesAsync(
                group.Key, serial, group.Min(p => p.Line.PunchedAt), group.Max(p => p.Line.PunchedAt), ct);
            stored.UnionWith(group.Where(p => times.Contains(LedgerTimes.Ms(p.Line.PunchedAt))).Select(p => p.Line));
        }

        return stored;
    }

    private static RejectedLine Refuse(Device device, int lineNumber, string? pin, string line, string reason, DateTimeOffset now)
    {
        var text = AdmsResponses.Sanitize(line);
        return new RejectedLine(device.Serial, lineNumber, pin, text.Length > RejectedLine.MaxLineLength ? text[..RejectedLine.MaxLineLength] : text, reason, now);
    }

    private static string Minutes(TimeSpan span) => span.TotalMinutes.ToString(CultureInfo.InvariantCulture) + " minutes";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Device {Serial}: upload not stored ({Reason}); answered 503.")]
    private static partial void LogNotStored(ILogger logger, string serial, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Device {Serial}: {Count} new line(s) could not be taken as punches; kept for HR (GET /api/establishments/{{id}}/devices/rejected).")]
    private static partial void LogKept(ILogger logger, string serial, int count);
}

using Microsoft.AspNetCore.Http.HttpResults;
using Sluice.Journal;
using Sluice.Punches.Ledger;
using Sluice.Punches.Registry;

namespace Sluice.Punches.Adms;

/// <summary>
/// The ADMS push endpoints devices are configured with. Only registered serials are served; an upload is answered
/// <c>OK: n</c> only after its punches are committed, and a line sent again (firmware repeats whole batches) is
/// found by its per-line idempotency key, stored once and still counted, so the device moves on.
/// </summary>
public static partial class AdmsEndpoints
{
    /// <summary>Idempotency scope of device lines: the key already names the serial.</summary>
    public const string IdempotencyScope = "adms";

    public static IEndpointRouteBuilder MapAdms(this IEndpointRouteBuilder app)
    {
        // Devices authenticate as the protocol lets them: a registered serial number (SN=) on every request.
        var iclock = app.MapGroup("/iclock").WithTags("Devices (ADMS)").ExcludeFromDescription().AllowAnonymous();
        iclock.MapGet("/cdata", HandshakeAsync);
        iclock.MapPost("/cdata", UploadAsync);
        iclock.MapGet("/getrequest", PollAsync);
        iclock.MapPost("/devicecmd", CommandResultAsync);
        return app;
    }

    internal static async Task<ContentHttpResult> HandshakeAsync(HttpRequest http, EmployeeDirectory directory, TimeProvider time, CancellationToken ct)
    {
        var (device, refusal) = await DeviceAsync(http, directory, ct);
        if (device is null)
        {
            return refusal!;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(device.TimeZone);
        return Text(AdmsResponses.Handshake(device.Serial, new AdmsHandshakeSettings(zone.GetUtcOffset(time.GetUtcNow()))));
    }

    internal static async Task<ContentHttpResult> UploadAsync(
        HttpRequest http, EmployeeDirectory directory, PunchIntake intake, ILoggerFactory loggers, CancellationToken ct)
    {
        var (device, refusal) = await DeviceAsync(http, directory, ct);
        if (device is null)
        {
            return refusal!;
        }

        if (!AdmsQuery.From(http.Query).IsAttlog)
        {
            return Text(AdmsResponses.Ok); // OPERLOG, ATTPHOTO…: accepted and ignored
        }

        using var reader = new StreamReader(http.Body);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(device.TimeZone);
        var upload = AdmsUpload.Read(device.Serial, await reader.ReadToEndAsync(ct), zone);
        var snapshot = await directory.GetAsync(ct);
        var now = intake.Now();
        var options = intake.Options;
        var logger = loggers.CreateLogger(typeof(AdmsEndpoints));
        var pending = new List<Task<AppendResult>>(upload.Punches.Count);
        var skipped = upload.Rejected.Count;
        try
        {
            foreach (var line in upload.Punches)
            {
                var employee = snapshot.ByPin(line.Pin).FirstOrDefault(e => e.EstablishmentId == device.EstablishmentId && e.Active);
                if (employee is null || line.PunchedAt > now + options.FutureTolerance || line.PunchedAt < now - options.MaxOfflineAge)
                {
                    skipped++;
                    continue;
                }

                // A device keeps what it could not send and sends it later: past the online window it was offline.
                var punch = new CheckedPunch(line.PunchedAt, PunchCollector.Device, line.PunchedAt < now - options.MaxAge, line.IdempotencyKey);
                pending.Add(intake.Enqueue(intake.Draft(employee, punch, device.Serial, IdempotencyScope, now, snapshot), ct).AsTask());
            }

            // Stored now, stored before (the same line again), or the same line judged offline this time: each is the
            // device's punch, stored once, and counted so the device moves on.
            await Task.WhenAll(pending);
        }
        catch (JournalUnavailableException ex)
        {
            LogNotStored(logger, device.Serial, ex.Message);
            return Text("ERROR: not stored, try again", StatusCodes.Status503ServiceUnavailable);
        }

        if (skipped > 0)
        {
            LogSkipped(logger, device.Serial, skipped);
        }

        return Text(AdmsResponses.Accepted(pending.Count));
    }

    internal static async Task<ContentHttpResult> PollAsync(HttpRequest http, EmployeeDirectory directory, CancellationToken ct)
    {
        var (device, refusal) = await DeviceAsync(http, directory, ct);
        return device is null ? refusal! : Text(AdmsResponses.Ok);
    }

    internal static async Task<ContentHttpResult> CommandResultAsync(HttpRequest http, EmployeeDirectory directory, ILoggerFactory loggers, CancellationToken ct)
    {
        var (device, refusal) = await DeviceAsync(http, directory, ct);
        if (device is null)
        {
            return refusal!;
        }

        using var reader = new StreamReader(http.Body);
        foreach (var result in AdmsCommandResult.ParseAll(await reader.ReadToEndAsync(ct)))
        {
            LogCommandResult(loggers.CreateLogger(typeof(AdmsEndpoints)), device.Serial, result.Id, result.Return);
        }

        return Text(AdmsResponses.Ok);
    }

    /// <summary>The registered device the request names; unknown or missing serials are refused before anything is read.</summary>
    private static async Task<(Device? Device, ContentHttpResult? Refusal)> DeviceAsync(HttpRequest http, EmployeeDirectory directory, CancellationToken ct)
    {
        var serial = AdmsQuery.From(http.Query).Serial;
        if (serial is null)
        {
            return (null, Text(AdmsResponses.MissingSerial, StatusCodes.Status400BadRequest));
        }

        var device = (await directory.GetAsync(ct)).Devices.GetValueOrDefault(serial)
            ?? (await directory.RefreshIfStaleAsync(ct)).Devices.GetValueOrDefault(serial);
        return device is null ? (null, Text(AdmsResponses.UnknownDevice(serial), StatusCodes.Status403Forbidden)) : (device, null);
    }

    private static ContentHttpResult Text(string body, int status = StatusCodes.Status200OK) =>
        TypedResults.Content(body, AdmsResponses.ContentType, System.Text.Encoding.UTF8, status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Device {Serial}: upload not stored ({Reason}); answered 503.")]
    private static partial void LogNotStored(ILogger logger, string serial, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Device {Serial}: {Count} line(s) not stored (unreadable, unknown PIN, or time out of window).")]
    private static partial void LogSkipped(ILogger logger, string serial, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Device {Serial}: command {Id} returned {Return}.")]
    private static partial void LogCommandResult(ILogger logger, string serial, long id, int? @return);
}

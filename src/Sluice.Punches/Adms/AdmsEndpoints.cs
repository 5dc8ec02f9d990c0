using Microsoft.AspNetCore.Http.HttpResults;
using Sluice.Punches.Registry;

namespace Sluice.Punches.Adms;

/// <summary>
/// The ADMS push endpoints devices are configured with, under the names newer (<c>/iclock/cdata</c>) and older firmware
/// (<c>/iclock/cdata.aspx</c>) call. Only a registered device that proves itself (<see cref="AdmsGate"/>) is served;
/// an upload is answered <c>OK: n</c> only after its punches are committed (<see cref="AdmsUploadEndpoints"/>).
/// </summary>
internal static partial class AdmsEndpoints
{
    /// <summary>Idempotency scope of device lines: the key already names the serial.</summary>
    public const string IdempotencyScope = "adms";

    internal static async Task<ContentHttpResult> HandshakeAsync(HttpContext http, AdmsGate gate, TimeProvider time, CancellationToken ct)
    {
        var (device, refusal) = await DeviceAsync(http, gate, ct);
        if (device is null)
        {
            return refusal!;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(device.TimeZone);
        return Text(AdmsResponses.Handshake(device.Serial, new AdmsHandshakeSettings(zone.GetUtcOffset(time.GetUtcNow()))));
    }

    internal static async Task<ContentHttpResult> PollAsync(HttpContext http, AdmsGate gate, CancellationToken ct)
    {
        var (device, refusal) = await DeviceAsync(http, gate, ct);
        return device is null ? refusal! : Text(AdmsResponses.Ok);
    }

    internal static async Task<ContentHttpResult> CommandResultAsync(HttpContext http, AdmsGate gate, ILoggerFactory loggers, CancellationToken ct)
    {
        var (device, refusal) = await DeviceAsync(http, gate, ct);
        if (device is null)
        {
            return refusal!;
        }

        using var reader = new StreamReader(http.Request.Body);
        var logger = loggers.CreateLogger(typeof(AdmsEndpoints));
        foreach (var result in AdmsCommandResult.ParseAll(await reader.ReadToEndAsync(ct)))
        {
            LogCommandResult(logger, device.Serial, result.Id, result.Return);
        }

        return Text(AdmsResponses.Ok);
    }

    /// <summary>The device the request names, once it has proven itself; refused before anything of the body is read.</summary>
    internal static async Task<(Device? Device, ContentHttpResult? Refusal)> DeviceAsync(HttpContext http, AdmsGate gate, CancellationToken ct)
    {
        var query = AdmsQuery.From(http.Request.Query);
        if (query.Serial is null)
        {
            return (null, Text(AdmsResponses.MissingSerial, StatusCodes.Status400BadRequest));
        }

        var device = await gate.AuthorizeAsync(http, query, ct);
        return device is null ? (null, Text(AdmsResponses.NotAuthorized, StatusCodes.Status403Forbidden)) : (device, null);
    }

    internal static ContentHttpResult Text(string body, int status = StatusCodes.Status200OK) =>
        TypedResults.Content(body, AdmsResponses.ContentType, System.Text.Encoding.UTF8, status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Device {Serial}: command {Id} returned {Return}.")]
    private static partial void LogCommandResult(ILogger logger, string serial, long id, int? @return);
}

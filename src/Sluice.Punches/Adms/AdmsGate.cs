using Microsoft.Extensions.Options;
using Sluice.Punches.Registry;

namespace Sluice.Punches.Adms;

/// <summary>
/// Decides whether a request comes from the registered device it names. A serial is printed on the device's label
/// and travels in clear, so it is only a name: the proof is the device's push comm key, sent on the handshake and
/// remembered for the address it came from (<see cref="AdmsSessions"/>), and, when HR lists them, the networks the
/// device calls from. Every refusal looks the same to the caller, whatever its cause.
/// </summary>
internal sealed partial class AdmsGate(EmployeeDirectory directory, AdmsSessions sessions, IOptions<AdmsOptions> options, ILogger<AdmsGate> logger)
{
    /// <summary>The device, or null when it must be refused with <see cref="AdmsResponses.NotAuthorized"/>.</summary>
    public async Task<Device?> AuthorizeAsync(HttpContext http, AdmsQuery query, CancellationToken ct)
    {
        var serial = query.Serial!;
        // No extra read of the registry on a miss: it would make an unknown serial measurably slower to refuse than a
        // known one. A device registered on this node is seen at once; on another node, within RegistryRefreshInterval.
        var device = (await directory.GetAsync(ct)).Devices.GetValueOrDefault(serial);

        // Hashed whether or not the device exists (against a decoy when not): the time taken tells nothing either.
        var keyMatches = query.CommKey is { } key && AdmsCommKey.Matches(device?.KeyHash, key);
        var address = http.Connection.RemoteIpAddress;
        var refusal = device switch
        {
            null => "unknown serial",
            _ when !AdmsNetworks.Allows(device.Networks, address) => $"address {address} is outside its networks",
            { KeyHash: null } when options.Value.AllowDevicesWithoutKey => null,
            { KeyHash: null } => "it has no comm key (set one, or Punches:Adms:AllowDevicesWithoutKey)",
            _ when address is null => "no caller address",
            _ when query.CommKey is not null => keyMatches ? null : "wrong comm key",
            _ when sessions.IsOpen(serial, address, device.KeyHash) => null,
            _ => "no comm key and no session (the device sends its key on its handshake)",
        };

        if (refusal is not null)
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
#pragma warning disable CA1873 // guarded by IsEnabled above; the analyzer misses guards around [LoggerMessage] calls (dotnet/sdk#50893)
                LogRefused(AdmsResponses.Sanitize(serial), address?.ToString(), refusal);
#pragma warning restore CA1873
            }

            return null;
        }

        if (device!.KeyHash is not null)
        {
            sessions.Open(serial, address!, device.KeyHash);
        }

        return device;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "ADMS request for device {Serial} from {Address} refused: {Reason}.")]
    private partial void LogRefused(string serial, string? address, string reason);
}

using System.Globalization;
using System.Text.RegularExpressions;
using Sluice.Intake;
using Sluice.Punches.Ledger;

namespace Sluice.Punches;

/// <summary>A punch's fields after checking: what the ledger needs, apart from the employee.</summary>
internal readonly record struct CheckedPunch(DateTimeOffset PunchedAt, PunchCollector Collector, bool Offline, string? IdempotencyKey);

/// <summary>Checks every field and reports all problems at once.</summary>
internal static partial class PunchValidator
{
    public const int MaxEmployeeIdLength = 32;
    public const int MaxDeviceIdLength = 64;

    /// <param name="headerKey">The request's Idempotency-Key header, if any; it wins over <c>clientPunchId</c>.</param>
    public static Dictionary<string, string[]> Validate(
        PunchRequest? request, string? headerKey, PunchesOptions options, DateTimeOffset now, out CheckedPunch punch)
    {
        punch = default;
        if (FieldErrors.MissingBody(request, out var errors, "A JSON object with employeeId (or cpf or pin) and punchedAt is required."))
        {
            return errors;
        }

        var named = new[] { ("employeeId", request.EmployeeId), ("cpf", request.Cpf), ("pin", request.Pin) }.Where(n => n.Item2 is not null).ToList();
        if (named.Count == 0)
        {
            errors["employeeId"] = ["Required: name the employee by employeeId (their code), cpf or pin."];
        }
        else if (named.Count > 1)
        {
            foreach (var (field, _) in named)
            {
                errors[field] = ["Name the employee by only one of employeeId, cpf or pin."];
            }
        }

        if (request.EmployeeId is { } code && (code.Length is 0 or > MaxEmployeeIdLength || !EmployeeIdPattern().IsMatch(code)))
        {
            errors["employeeId"] = [$"Use 1 to {MaxEmployeeIdLength} letters, digits, '.', '_' or '-'."];
        }

        if (request.Cpf is { } cpf && !Registry.BrazilianDocuments.IsCpf(cpf))
        {
            errors["cpf"] = ["Not a valid CPF (11 digits with valid check digits)."];
        }

        if (request.Pin is { } pin && (pin.Length is 0 or > 24 || !pin.All(char.IsAsciiLetterOrDigit)))
        {
            errors["pin"] = ["Use 1 to 24 letters or digits."];
        }

        var offline = request.Offline ?? false;
        if (string.IsNullOrWhiteSpace(request.PunchedAt))
        {
            errors["punchedAt"] = ["Required."];
        }
        else if (!Instants.TryParse(request.PunchedAt, out var punchedAt))
        {
            errors["punchedAt"] = ["Use ISO 8601 with a UTC offset, e.g. 2026-11-22T08:00:03-03:00."];
        }
        else if (punchedAt > now + options.FutureTolerance)
        {
            errors["punchedAt"] = [$"In the future: more than {options.FutureTolerance} ahead of the server's clock ({now:O})."];
        }
        else if (punchedAt < now - (offline ? options.MaxOfflineAge : options.MaxAge))
        {
            errors["punchedAt"] = [offline
                ? $"Older than {options.MaxOfflineAge}, the most an offline punch may wait."
                : $"Older than {options.MaxAge}: an online punch is sent at once (flag punches kept while offline with \"offline\": true)."];
        }
        else
        {
            punch = punch with { PunchedAt = punchedAt };
        }

        var collector = PunchCollector.Other;
        if (request.Collector is not null && !PunchCollectors.TryParse(request.Collector, out collector))
        {
            errors["collector"] = [$"Use one of: {string.Join(", ", PunchCollectors.Names)}."];
        }

        if (request.DeviceId is { } device && (device.Length > MaxDeviceIdLength || device.Any(char.IsControl)))
        {
            errors["deviceId"] = [$"At most {MaxDeviceIdLength} printable characters."];
        }

        IdempotencyKeys.Validate(headerKey, errors);
        if (request.ClientPunchId is { } clientId && (clientId.Length is 0 or > IdempotencyKeys.MaxLength || clientId.Any(c => c is < '!' or > '~')))
        {
            errors["clientPunchId"] = [$"Use 1 to {IdempotencyKeys.MaxLength} visible ASCII characters."];
        }

        punch = punch with { Collector = collector, Offline = offline, IdempotencyKey = headerKey ?? request.ClientPunchId };
        return errors;
    }

    [GeneratedRegex(@"^[A-Za-z0-9._-]+$")]
    private static partial Regex EmployeeIdPattern();
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace Sluice.Punches;

/// <summary>Checks every field and reports all problems at once.</summary>
internal static partial class PunchValidator
{
    public const int MaxEmployeeIdLength = 32;
    public const int MaxDeviceIdLength = 64;

    public static Dictionary<string, string[]> Validate(PunchRequest? request, out DateTimeOffset punchedAt)
    {
        punchedAt = default;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request is null)
        {
            errors["body"] = ["A JSON object with employeeId and punchedAt is required."];
            return errors;
        }

        if (string.IsNullOrWhiteSpace(request.EmployeeId))
        {
            errors["employeeId"] = ["Required."];
        }
        else if (request.EmployeeId.Length > MaxEmployeeIdLength || !EmployeeIdPattern().IsMatch(request.EmployeeId))
        {
            errors["employeeId"] = [$"Use 1 to {MaxEmployeeIdLength} letters, digits, '.', '_' or '-'."];
        }

        if (string.IsNullOrWhiteSpace(request.PunchedAt))
        {
            errors["punchedAt"] = ["Required."];
        }
        else if (!TryParseInstant(request.PunchedAt, out punchedAt))
        {
            errors["punchedAt"] = ["Use ISO 8601 with a UTC offset, e.g. 2026-11-22T08:00:03-03:00."];
        }

        if (request.DeviceId is { } device && (device.Length > MaxDeviceIdLength || device.Any(char.IsControl)))
        {
            errors["deviceId"] = [$"At most {MaxDeviceIdLength} printable characters."];
        }

        return errors;
    }

    /// <summary>A time without an offset is refused: the punch's meaning would depend on the server's zone.</summary>
    internal static bool TryParseInstant(string text, out DateTimeOffset value)
    {
        value = default;
        return InstantPattern().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    [GeneratedRegex(@"^[A-Za-z0-9._-]+$")]
    private static partial Regex EmployeeIdPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex InstantPattern();
}
